using FluentAssertions;
using NUnit.Framework;
using XaiReference.Attribution;
using XaiReference.Specs.Support.Models;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace XaiReference.Specs.Attribution;

/// <summary>The two small functions Sundararajan et al. (2017) use to motivate Integrated Gradients.</summary>
[TestFixture]
public sealed class IntegratedGradientsOnThePapersToyFunctions
{
    // Float32 sums of 50 weights of 1/50 are exact to a few ulps of 1; 1e-5 leaves room and still fails on any
    // real error (the next rule value, one step off, would be 1/50 = 0.02 away).
    private const double Tolerance = 1e-5;

    // The middle Riemann rule with an even number of steps never puts a node exactly on a kink at alpha = 1/2,
    // and the integrands below are constant on each side of it, so the rule integrates them exactly.
    private static readonly IntegratedGradientsOptions MiddleRule = new()
    {
        Rule = QuadratureRule.RiemannMiddle,
        Steps = 50,
    };

    [Test]
    public void For_relu_of_x1_minus_1_minus_x2_at_3_1_the_attributions_are_1_5_and_minus_0_5()
    {
        // f(x1, x2) = ReLU(ReLU(x1) - 1 - ReLU(x2)), x = (3, 1), baseline (0, 0).
        // On the path (3a, a) the inner value is 3a - 1 - a = 2a - 1: zero gradient for a < 1/2, and for
        // a > 1/2 df/dx1 = 1, df/dx2 = -1. So the integrals of the gradients over a in [0, 1] are 1/2 and -1/2,
        // and IG = (x - 0) * integral = (3 * 1/2, 1 * -1/2) = (1.5, -0.5). They sum to f(3, 1) - f(0, 0) = 1.
        using var scope = NewDisposeScope();
        var model = new FormulaModel("toy", x =>
            functional.relu(functional.relu(x[.., 0]) - 1 - functional.relu(x[.., 1])).unsqueeze(1));
        var input = tensor(new[] { 3f, 1f }).reshape(1, 2, 1, 1);

        using var result = new IntegratedGradients(model, MiddleRule).Attribute(input, [0]);

        result.Attributions.ShouldBeClose(
            tensor(new[] { 1.5f, -0.5f }).reshape(1, 2, 1, 1), Tolerance, 0, "IG = x * (1/2, -1/2), derived above");
        result.ConvergenceDelta!.MaxAbs().Should().BeLessThan(Tolerance, "the attributions sum to f(x) - f(0) = 1");
    }

    [Test]
    public void For_the_saturated_1_minus_relu_1_minus_x_at_2_the_gradient_is_zero_but_IG_gives_1()
    {
        // f(x) = 1 - ReLU(1 - x) is flat for x > 1: at x = 2 its gradient is 0, so a saliency map says the
        // input does not matter, although f(2) - f(0) = 1 - 0 = 1. On the path 2a, f' = 1 while 2a < 1, i.e. for
        // a < 1/2: the integral is 1/2 and IG = 2 * 1/2 = 1, the whole change of the output (completeness).
        using var scope = NewDisposeScope();
        var model = new FormulaModel("saturated", x => (1 - functional.relu(1 - x)).sum(1, keepdim: true));
        var input = tensor(new[] { 2f }).reshape(1, 1, 1, 1);

        using var saliency = new Saliency(model).Attribute(input, [0]);
        using var integrated = new IntegratedGradients(model, MiddleRule).Attribute(input, [0]);

        saliency.Attributions.MaxAbs().Should().Be(0, "f is flat at x = 2, so its gradient is exactly 0");
        integrated.Attributions.ShouldBeClose(
            tensor(new[] { 1f }).reshape(1, 1, 1, 1), Tolerance, 0, "IG = 2 * 1/2 = f(2) - f(0), derived above");
    }
}
