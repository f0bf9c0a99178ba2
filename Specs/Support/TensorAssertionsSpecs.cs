using FluentAssertions;
using NUnit.Framework;
using static TorchSharp.torch;

namespace XaiReference.Specs.Support;

/// <summary>
/// The tensor and number-collection assertions pass within tolerance, check the shape first, and name the worst
/// element, its index and both values when they fail.
/// </summary>
public sealed class TensorAssertionsSpecs
{
    [Test]
    public void Tensors_within_tolerance_pass()
    {
        using var scope = NewDisposeScope();
        var expected = tensor(new[] { 1.0f, 1000.0f });

        // |1.00005 - 1| = 5e-5 <= 1e-4; |1000.5 - 1000| = 0.5 <= 1e-4 + 1e-3 * 1000 = 1.0001.
        var act = () => tensor(new[] { 1.00005f, 1000.5f }).Should().BeCloseTo(expected, 1e-4, 1e-3);

        act.Should().NotThrow();
    }

    [Test]
    public void The_shape_is_compared_first()
    {
        using var scope = NewDisposeScope();

        var act = () => zeros(3, 2).Should().BeCloseTo(zeros(2, 3), 1, 1, "the values would pass");

        act.Should().Throw<AssertionException>()
            .WithMessage("Expected tensor to have shape [2, 3] because the values would pass, but found [3, 2].");
    }

    [Test]
    public void A_failure_names_the_worst_element_and_its_index()
    {
        using var scope = NewDisposeScope();
        var actual = zeros(2, 3);
        actual[0, 1] = tensor(0.1f);
        actual[1, 2] = tensor(-0.5f);

        // Allowance 0.05 everywhere (expected is 0): [0, 1] exceeds it by 0.05, [1, 2] by 0.45, the worst.
        var act = () => actual.Should().BeCloseTo(zeros(2, 3), 0.05, 0.5, "of a hand-made difference");

        act.Should().Throw<AssertionException>().WithMessage(
            "Expected tensor to be close to the expected tensor (abs 0.05, rel 0.5) because of a hand-made "
            + "difference, but 2 of 6 elements differ; the worst is at index [1, 2]: actual -0.5, expected 0 "
            + "(abs diff 0.5, rel diff Infinity).");
    }

    [Test]
    public void The_relative_tolerance_scales_with_the_expected_value()
    {
        using var scope = NewDisposeScope();

        // |1001 - 1000| = 1: within 1e-3 * 1000 = 1, beyond the absolute 0.5 alone.
        var relative = () => tensor(1001.0).Should().BeCloseTo(tensor(1000.0), 0, 1e-3);
        var absolute = () => tensor(1001.0).Should().BeCloseTo(tensor(1000.0), 0.5, 0);

        relative.Should().NotThrow();
        absolute.Should().Throw<AssertionException>().WithMessage("*index []: actual 1001, expected 1000*");
    }

    [Test]
    public void A_nan_never_passes_for_a_number()
    {
        using var scope = NewDisposeScope();

        var act = () => tensor(new[] { 1.0f, float.NaN }).Should().BeCloseTo(tensor(new[] { 1.0f, 2.0f }), 1e6, 1e6);

        act.Should().Throw<AssertionException>().WithMessage("*the worst is at index [1]: actual NaN, expected 2*");
    }

    [Test]
    public void Float_arrays_within_tolerance_pass_and_a_failure_names_the_worst_index()
    {
        float[] values = [0.1f, 0.2f, 0.35f];

        // 0.35 is 0.05 from 0.3: beyond 0.01, while 0.1 and 0.2 are float-for-float equal.
        var pass = () => values.Should().BeCloseTo([0.1f, 0.2f, 0.35f], 0, 0);
        var fail = () => values.Should().BeCloseTo([0.1f, 0.2f, 0.3f], 0.01, 0, "the third was nudged");

        pass.Should().NotThrow();
        fail.Should().Throw<AssertionException>()
            .WithMessage("*because the third was nudged, but 1 of 3 elements differ; the worst is at index 2: *");
    }

    [Test]
    public void Double_arrays_of_another_length_fail_naming_both_lengths()
    {
        double[] values = [1, 2];

        var act = () => values.Should().BeCloseTo([1.0, 2.0, 3.0], 0, 0);

        act.Should().Throw<AssertionException>().WithMessage("Expected collection to hold 3 values, but it holds 2.");
    }
}
