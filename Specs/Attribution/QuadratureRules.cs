using FluentAssertions;
using NUnit.Framework;
using XaiReference.Attribution;

namespace XaiReference.Specs.Attribution;

/// <summary>The nodes and weights Integrated Gradients integrates with.</summary>
[TestFixture]
public sealed class QuadratureRules
{
    private static readonly int[] Orders = [1, 2, 3, 5, 8, 13];

    [TestCaseSource(nameof(Orders))]
    public void Gauss_Legendre_with_n_nodes_integrates_every_power_up_to_2n_minus_1_exactly(int n)
    {
        var points = Quadrature.Points(QuadratureRule.GaussLegendre, n);

        for (var degree = 0; degree <= 2 * n - 1; degree++)
        {
            // The integral of a^d over [0, 1] is 1 / (d + 1). Newton's method stops at a step below 1e-15, so the
            // nodes are good to double precision; 1e-12 leaves room for the sum of 2n rounded terms.
            Integrate(points, a => Math.Pow(a, degree)).Should().BeApproximately(
                1.0 / (degree + 1), 1e-12, $"n = {n} nodes are exact for degree {degree} <= 2n - 1");
        }

        // Degree 2n is the first it misses. On [0, 1] the error of the n-node rule for f is
        // f^(2n)(xi) (n!)^4 / ((2n + 1) ((2n)!)^3), so for a^(2n) it is exactly (n!)^4 / ((2n + 1) ((2n)!)^2):
        // 1/12 for n = 1 (node 1/2: 1/3 - 1/4). Beyond n = 8 it falls below double resolution, so stop there.
        if (n <= 8)
        {
            var missed = 1.0 / (2 * n + 1) - Integrate(points, a => Math.Pow(a, 2 * n));
            var predicted = Math.Pow(Factorial(n), 4) / ((2 * n + 1) * Math.Pow(Factorial(2 * n), 2));
            missed.Should().BeApproximately(
                predicted, 1e-3 * predicted, "the error term for degree 2n (1e-3: rounding of a tiny difference)");
        }
    }

    [TestCaseSource(nameof(Orders))]
    public void Gauss_Legendre_nodes_lie_inside_0_1_ascending_with_positive_weights_summing_to_1(int n)
    {
        var points = Quadrature.Points(QuadratureRule.GaussLegendre, n);

        points.Alphas.Should().HaveCount(n).And.BeInAscendingOrder().And.OnlyContain(a => a > 0 && a < 1);
        points.Weights.Should().OnlyContain(w => w > 0);
        points.Weights.Sum().Should().BeApproximately(1, 1e-13, "the rule integrates the constant 1 exactly");
    }

    [TestCase(QuadratureRule.RiemannLeft, 2)]
    [TestCase(QuadratureRule.RiemannRight, 2)]
    [TestCase(QuadratureRule.RiemannMiddle, 4)]
    [TestCase(QuadratureRule.RiemannTrapezoid, 4)]
    public void Riemann_rules_converge_at_their_order_when_the_steps_double(QuadratureRule rule, double factor)
    {
        // For smooth g the error of the left and right sums is about -/+ (g(1) - g(0)) / (2n): it halves when n
        // doubles. The midpoint and trapezoid errors are about (g'(1) - g'(0)) / (24 n^2) and -2 times that: they
        // drop by 4. With g = exp the integral is e - 1; at n = 40 vs 80 the next-order terms are below 2%.
        var exact = Math.E - 1;
        var coarse = Math.Abs(Integrate(Quadrature.Points(rule, 40), Math.Exp) - exact);
        var fine = Math.Abs(Integrate(Quadrature.Points(rule, 80), Math.Exp) - exact);

        (coarse / fine).Should().BeApproximately(
            factor, 0.05 * factor, $"{rule} converges like n^-{Math.Log2(factor)}");
    }

    [Test]
    public void The_trapezoid_rule_refuses_a_single_step()
    {
        var act = () => Quadrature.Points(QuadratureRule.RiemannTrapezoid, 1);

        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "steps" && e.Message.Contains("got 1"), "two end points need two nodes");
    }

    private static double Factorial(int n) => Enumerable.Range(1, n).Aggregate(1.0, (product, k) => product * k);

    private static double Integrate(QuadraturePoints points, Func<double, double> g) =>
        points.Alphas.Zip(points.Weights, (a, w) => w * g(a)).Sum();
}
