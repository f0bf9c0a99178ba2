using FluentAssertions;
using NUnit.Framework;
using XaiReference.Attribution;
using XaiReference.Specs.Support.Models;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace XaiReference.Specs.Attribution;

/// <summary>Every method refuses bad input with an ArgumentException naming the parameter and the value.</summary>
[TestFixture]
public sealed class BadInput
{
    public static IEnumerable<TestCaseData> Methods()
    {
        yield return Case("Saliency", m => new Saliency(m));
        yield return Case("SmoothGrad", m => new SmoothGrad(m, new() { Samples = 2 }));
        yield return Case("IntegratedGradients", m => new IntegratedGradients(m, new() { Steps = 2 }));
    }

    private static TestCaseData Case(string name, MethodFactory method) =>
        new TestCaseData(method).SetArgDisplayNames(name);

    [TestCaseSource(nameof(Methods))]
    public void A_picture_without_a_batch_dimension_is_refused_with_its_shape(MethodFactory method)
    {
        using var scope = NewDisposeScope();
        var act = () => method(new TinyCnn(1)).Attribute(zeros(3, 16, 16), [0]);

        act.Should().Throw<ArgumentException>()
            .Where(e => e.ParamName == "inputs" && e.Message.Contains("[3, 16, 16]"));
    }

    [TestCaseSource(nameof(Methods))]
    public void A_NaN_in_the_pictures_is_refused_with_its_position(MethodFactory method)
    {
        using var scope = NewDisposeScope();
        var input = SpecPictures.Uniform(seed: 1);
        input[0, 2, 5, 7] = tensor(float.NaN);

        var act = () => method(new TinyCnn(1)).Attribute(input, [0]);

        act.Should().Throw<ArgumentException>()
            .Where(e => e.ParamName == "inputs" && e.Message.Contains("NaN") && e.Message.Contains("[0, 2, 5, 7]"));
    }

    [TestCaseSource(nameof(Methods))]
    public void A_target_beyond_the_models_classes_is_refused_with_its_value(MethodFactory method)
    {
        using var scope = NewDisposeScope();
        var act = () => method(new TinyCnn(1)).Attribute(SpecPictures.Uniform(seed: 1, n: 2), [0, TinyCnn.ClassCount]);

        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "target" && Equals(e.ActualValue, 5L) && e.Message.Contains("[0, 5)"));
    }

    [TestCaseSource(nameof(Methods))]
    public void A_negative_target_is_refused_with_its_value(MethodFactory method)
    {
        using var scope = NewDisposeScope();
        var act = () => method(new TinyCnn(1)).Attribute(SpecPictures.Uniform(seed: 1), [-1]);

        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "target" && Equals(e.ActualValue, -1L));
    }

    [TestCaseSource(nameof(Methods))]
    public void A_target_count_other_than_the_picture_count_is_refused(MethodFactory method)
    {
        using var scope = NewDisposeScope();
        var act = () => method(new TinyCnn(1)).Attribute(SpecPictures.Uniform(seed: 1, n: 2), [0]);

        act.Should().Throw<ArgumentException>()
            .Where(e => e.ParamName == "target" && e.Message.Contains("(2)") && e.Message.Contains("got 1"));
    }

    [Test]
    public void Course_variants_refuse_pictures_that_are_not_RGB()
    {
        using var scope = NewDisposeScope();
        var grey = SpecPictures.Uniform(seed: 1, channels: 1);
        var model = new FormulaModel("sum", x => x.sum(1, keepdim: true));

        foreach (var method in new IAttributionMethod[]
                 {
                     new Saliency(model, SaliencyOptions.Course),
                     new SmoothGrad(model, SmoothGradOptions.Course),
                     new IntegratedGradients(model, IntegratedGradientsOptions.Course),
                 })
        {
            var act = () => method.Attribute(grey, [0]);
            act.Should().Throw<ArgumentException>()
                .Where(e => e.ParamName == "inputs" && e.Message.Contains("3 channels") && e.Message.Contains("got 1"),
                    $"{method.Name}'s course variant explains RGB pictures");
        }
    }

    [Test]
    public void Baselines_of_another_shape_are_refused_with_both_shapes()
    {
        using var scope = NewDisposeScope();
        var method = new IntegratedGradients(new TinyCnn(1), new() { Steps = 2 });

        var act = () => method.Attribute(SpecPictures.Uniform(seed: 1, n: 2), [0, 0], zeros(1, 3, 16, 16));

        act.Should().Throw<ArgumentException>().Where(e =>
            e.ParamName == "baselines" && e.Message.Contains("[2, 3, 16, 16]") && e.Message.Contains("[1, 3, 16, 16]"));
    }

    [Test]
    public void A_constant_picture_is_refused_by_the_course_SmoothGrad_which_divides_by_its_range()
    {
        using var scope = NewDisposeScope();
        var method = new SmoothGrad(new TinyCnn(1), SmoothGradOptions.Course with { Samples = 2 });

        var act = () => method.Attribute(full(1, 3, 16, 16, 0.5f), [0]);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "inputs" && e.Message.Contains("picture 0"));
    }

    [Test]
    public void Counts_below_1_are_refused_with_the_option_name_and_value()
    {
        Expect(() => new IntegratedGradientsOptions { Steps = 0 }, "Steps", 0);
        Expect(() => new IntegratedGradientsOptions { InternalBatchSize = 0 }, "InternalBatchSize", 0);
        Expect(() => new SmoothGradOptions { Samples = -3 }, "Samples", -3);
        Expect(() => new SmoothGradOptions { InternalBatchSize = 0 }, "InternalBatchSize", 0);
        Expect(() => new SmoothGradOptions { NoiseLevel = double.NaN }, "NoiseLevel", double.NaN);
        Expect(() => new SmoothGradOptions { NoiseLevel = -0.1 }, "NoiseLevel", -0.1);
        var trapezoid = new IntegratedGradientsOptions { Rule = QuadratureRule.RiemannTrapezoid, Steps = 1 };
        Expect(() => new IntegratedGradients(new TinyCnn(1), trapezoid), "steps", 1);
    }

    private static void Expect(Func<object> act, string parameter, object value) =>
        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == parameter && Equals(e.ActualValue, value) && e.Message.Contains($"got {value}"),
                $"{parameter} = {value} is refused");
}
