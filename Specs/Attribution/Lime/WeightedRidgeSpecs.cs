using FluentAssertions;
using NUnit.Framework;
using XaiReference.Attribution;
using XaiReference.Numerics;

namespace XaiReference.Specs.Attribution.Lime;

/// <summary>The surrogate LIME fits: ridge regression with sample weights and a free intercept.</summary>
public sealed class WeightedRidgeSpecs
{
    // Double precision on well-conditioned 200 x 5 problems: errors stay near 1e-12; 1e-9 leaves room.
    private const double Exact = 1e-9;

    [Test]
    public void Without_a_penalty_it_recovers_the_coefficients_of_a_noise_free_linear_model()
    {
        var (x, columns) = RandomDesign(rows: 200, columns: 5, seed: 1);
        double[] truth = [0.5, -2, 0, 3.25, 1];
        var y = Apply(x, columns, truth, intercept: -0.75);
        var weights = RandomWeights(200, seed: 2);

        var fit = WeightedRidge.Fit(x, columns, y, weights, alpha: 0);

        fit.Coefficients.Should().Equal(truth, (a, b) => Math.Abs(a - b) < Exact);
        fit.Intercept.Should().BeApproximately(-0.75, Exact);
        fit.Score(x, y, weights).Should().BeApproximately(1, Exact, "a noise-free linear target is fitted exactly");
    }

    [Test]
    public void With_one_feature_the_penalty_shrinks_the_slope_as_the_closed_form_says()
    {
        // One feature: c = sum w (x - mx)(y - my) / (sum w (x - mx)^2 + alpha), with weighted means mx, my.
        double[] x = [0, 1, 2, 3];
        double[] y = [1, 3, 2, 5];
        double[] w = [1, 2, 1, 0.5];
        var mx = (0 * 1 + 1 * 2 + 2 * 1 + 3 * 0.5) / 4.5;
        var my = (1 * 1 + 3 * 2 + 2 * 1 + 5 * 0.5) / 4.5;
        double sxy = 0, sxx = 0;
        for (var i = 0; i < 4; i++)
        {
            sxy += w[i] * (x[i] - mx) * (y[i] - my);
            sxx += w[i] * (x[i] - mx) * (x[i] - mx);
        }

        var fit = WeightedRidge.Fit(x, 1, y, w, alpha: 2);

        fit.Coefficients[0].Should().BeApproximately(sxy / (sxx + 2), Exact);
        fit.Intercept.Should().BeApproximately(my - mx * sxy / (sxx + 2), Exact, "the intercept is not penalised");
    }

    [Test]
    public void Shifting_every_target_moves_only_the_intercept()
    {
        var (x, columns) = RandomDesign(rows: 50, columns: 3, seed: 3);
        var y = Apply(x, columns, [1, 2, 3], intercept: 0);
        var shifted = y.Select(v => v + 10).ToArray();
        var weights = RandomWeights(50, seed: 4);

        var before = WeightedRidge.Fit(x, columns, y, weights, alpha: 1);
        var after = WeightedRidge.Fit(x, columns, shifted, weights, alpha: 1);

        after.Coefficients.Should().Equal(before.Coefficients, (a, b) => Math.Abs(a - b) < Exact);
        after.Intercept.Should().BeApproximately(before.Intercept + 10, Exact);
    }

    [Test]
    public void A_sample_with_weight_zero_has_no_influence()
    {
        var (x, columns) = RandomDesign(rows: 30, columns: 2, seed: 5);
        var y = Apply(x, columns, [1, -1], intercept: 0.5);
        var weights = RandomWeights(30, seed: 6);
        var outlier = (double[])y.Clone();
        outlier[7] += 1000;
        weights[7] = 0;

        var clean = WeightedRidge.Fit(x, columns, y, weights, alpha: 1);
        var withOutlier = WeightedRidge.Fit(x, columns, outlier, weights, alpha: 1);

        withOutlier.Coefficients.Should().Equal(clean.Coefficients, (a, b) => Math.Abs(a - b) < Exact);
    }

    [Test]
    public void Weights_that_are_all_zero_are_refused()
    {
        var act = () => WeightedRidge.Fit(new double[4], 2, new double[2], new double[2], alpha: 1);

        act.Should().Throw<ArgumentException>().WithParameterName("weights");
    }

    private static (double[] X, int Columns) RandomDesign(int rows, int columns, ulong seed)
    {
        var random = new SplitMix64(seed);
        return (Enumerable.Range(0, rows * columns).Select(_ => random.NextDouble() * 2 - 1).ToArray(), columns);
    }

    private static double[] RandomWeights(int rows, ulong seed)
    {
        var random = new SplitMix64(seed);
        return Enumerable.Range(0, rows).Select(_ => 0.1 + random.NextDouble()).ToArray();
    }

    private static double[] Apply(double[] x, int columns, double[] coefficients, double intercept) =>
        Enumerable.Range(0, x.Length / columns)
            .Select(i => intercept + coefficients.Select((c, j) => c * x[i * columns + j]).Sum())
            .ToArray();
}
