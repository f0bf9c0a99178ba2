using FluentAssertions;
using NUnit.Framework;
using XaiReference.Attribution;
using XaiReference.Specs.Support.Models;
using static TorchSharp.torch;

namespace XaiReference.Specs.Attribution;

/// <summary>
/// Completeness: IG attributions sum to F(x) - F(baseline), because along the straight path
/// F(x) - F(x') = integral over a of sum_i (x_i - x'_i) dF/dx_i (x' + a (x - x')) (the chain rule and the
/// fundamental theorem of calculus). A quadrature rule only approximates that integral; the convergence
/// delta is its error.
/// </summary>
[TestFixture]
public sealed class IntegratedGradientsCompleteness
{
    private static readonly QuadratureRule[] Rules = Enum.GetValues<QuadratureRule>();

    [TestCaseSource(nameof(Rules))]
    public void With_50_steps_the_attributions_sum_to_the_change_of_the_target_logit(QuadratureRule rule)
    {
        using var scope = NewDisposeScope();
        var model = new TinyCnn(seed: 7, side: 32);
        var input = SpecPictures.Uniform(seed: 1, side: 32);
        var options = new IntegratedGradientsOptions { Rule = rule, Steps = 50 };

        using var result = new IntegratedGradients(model, options).Attribute(input, [2]);

        var change = OutputChange(model, input, 2);
        var sum = result.Attributions.sum().item<float>();
        var delta = result.ConvergenceDelta![0].item<double>();
        TestContext.Out.WriteLine($"{rule}: F(x) - F(0) = {change:G6}, sum = {sum:G6}, delta = {delta:G3}");

        delta.Should().BeApproximately(sum - change, 1e-4, "the delta is defined as sum - (F(x) - F(0))");

        // A ReLU network is piecewise linear along the path, so the integrand jumps at each kink and a 50-node
        // rule misses by roughly (jump size) / 50 per kink. 5% of |F(x) - F(0)| bounds that for this network
        // while a rule that did not integrate at all (e.g. the unmultiplied course variant) misses by far more.
        Math.Abs(delta).Should().BeLessThan(0.05 * Math.Abs(change), "the quadrature error at 50 steps is small");
    }

    [TestCaseSource(nameof(Rules))]
    public void The_convergence_delta_shrinks_as_the_steps_grow(QuadratureRule rule)
    {
        using var scope = NewDisposeScope();
        var model = new TinyCnn(seed: 7, side: 32);
        var input = SpecPictures.Uniform(seed: 1, n: 3, side: 32);
        IReadOnlyList<long> target = [0, 2, 4];

        double MeanAbsDelta(int steps)
        {
            var options = new IntegratedGradientsOptions { Rule = rule, Steps = steps, InternalBatchSize = 128 };
            using var result = new IntegratedGradients(model, options).Attribute(input, target);
            return result.ConvergenceDelta!.abs().mean().item<double>();
        }

        var coarse = MeanAbsDelta(4);
        var fine = MeanAbsDelta(256);
        TestContext.Out.WriteLine($"{rule}: mean |delta| at 4 steps {coarse:G3}, at 256 steps {fine:G3}");

        // Every rule's error tends to 0 as the steps grow; 64 times the nodes should cut it at least in half
        // (the worst rules, left and right Riemann, converge like 1/n; the others faster).
        fine.Should().BeLessThan(coarse / 2, "more nodes approximate the path integral better");
    }

    [Test]
    public void The_course_variant_breaks_completeness_because_it_never_multiplies_by_the_input()
    {
        using var scope = NewDisposeScope();
        var model = new TinyCnn(seed: 7, side: 32);
        var input = SpecPictures.Uniform(seed: 1, side: 32);
        var courseOptions = IntegratedGradientsOptions.Course;
        var leftRule = new IntegratedGradientsOptions
        {
            Rule = QuadratureRule.RiemannLeft,
            Steps = courseOptions.Steps,
        };

        using var course = new IntegratedGradients(model, courseOptions).Attribute(input, [2]);
        using var paperLeft = new IntegratedGradients(model, leftRule).Attribute(input, [2]);
        using var paper = new IntegratedGradients(model).Attribute(input, [2]);

        // Why: the course's average of gradients at x k / 10, k = 0..9, is the left Riemann estimate of the path
        // integral; multiplied by (x - 0) it is exactly the paper's attribution with the same rule.
        (input * course.Attributions).ShouldBeClose(
            paperLeft.Attributions, 1e-6, 1e-5, "x * course = paper IG with the left rule; float32 rounding only");

        var change = OutputChange(model, input, 2);
        var courseGap = course.Attributions.sum().item<float>() - change;
        var paperGap = paper.ConvergenceDelta![0].item<double>();
        TestContext.Out.WriteLine(
            $"F(x) - F(0) = {change:G6}; course sum misses it by {courseGap:G6} "
            + $"({100 * Math.Abs(courseGap / change):F1}%), the paper's Gauss-Legendre by {paperGap:G3}; "
            + $"x * course misses by {paperLeft.ConvergenceDelta![0].item<double>():G3} (left Riemann, 10 steps)");

        Math.Abs(courseGap).Should().BeGreaterThan(
            0.05 * Math.Abs(change), "the unmultiplied gradients do not decompose F(x) - F(0)");
        Math.Abs(courseGap).Should().BeGreaterThan(
            10 * Math.Abs(paperGap), "the paper's variant is complete up to a small quadrature error");
    }

    [Test]
    public void The_course_path_images_are_x_times_k_over_10_and_never_reach_x()
    {
        var points = new IntegratedGradients(new TinyCnn(seed: 7), IntegratedGradientsOptions.Course).Points;

        points.Alphas.Should().Equal(
            Enumerable.Range(0, 10).Select(k => k / 10.0), (a, b) => Math.Abs(a - b) < 1e-15, "k / 10 for k = 0..9");
        points.Weights.Should().AllSatisfy(w => w.Should().BeApproximately(0.1, 1e-15, "an average of 10 gradients"));
    }

    /// <summary>F(x) - F(0) for the target logit, in float32 as the model computes it.</summary>
    private static double OutputChange(TinyCnn model, Tensor input, long target)
    {
        using var noGrad = no_grad();
        model.eval();
        var atInput = model.call(input)[0, target].item<float>();
        var atBaseline = model.call(zeros_like(input))[0, target].item<float>();
        return atInput - atBaseline;
    }
}
