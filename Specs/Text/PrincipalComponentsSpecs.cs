using FluentAssertions;
using NUnit.Framework;
using XaiReference.Text;
using static TorchSharp.torch;

namespace XaiReference.Specs.Text;

/// <summary>PCA by SVD: orthonormal components, descending variance, rigid on 2-D data, deterministic.</summary>
public sealed class PrincipalComponentsSpecs
{
    // float64 SVD of small matrices: orthonormality and distances hold to ~1e-14; 1e-10 is a safe bound.
    private const double Tight = 1e-10;

    [Test]
    public void Components_are_orthonormal_and_variances_descend()
    {
        using var scope = NewDisposeScope();
        var data = randn(40, 12, generator: new TorchSharp.torch.Generator(3)) * linspace(0.5, 3, 12);

        var pca = PrincipalComponents.Fit(data, components: 5);

        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                var dot = Enumerable.Range(0, 12).Sum(k => pca.Components[i, k] * pca.Components[j, k]);
                dot.Should().BeApproximately(i == j ? 1 : 0, Tight);
            }
        }

        pca.ExplainedVariance.Should().BeInDescendingOrder();
        pca.ExplainedVarianceRatio.Sum().Should().BeLessThanOrEqualTo(1 + Tight);
    }

    [Test]
    public void Points_on_a_line_give_that_line_and_their_variance()
    {
        // Points t * (1, 1) for t = -2..2: the mean is 0, the direction (1, 1) / sqrt 2, and the variance along it
        // sum((t sqrt 2)^2) / (N - 1) = 2 * (4 + 1 + 0 + 1 + 4) / 4 = 5.
        using var scope = NewDisposeScope();
        var data = tensor(new double[] { -2, -2, -1, -1, 0, 0, 1, 1, 2, 2 }, [5, 2]);

        var pca = PrincipalComponents.Fit(data, components: 1);

        pca.Components[0, 0].Should().BeApproximately(1 / Math.Sqrt(2), Tight);
        pca.Components[0, 1].Should().BeApproximately(1 / Math.Sqrt(2), Tight);
        pca.ExplainedVariance[0].Should().BeApproximately(5, Tight);
        pca.ExplainedVarianceRatio[0].Should().BeApproximately(1, Tight);
        pca.Projected[4, 0].Should().BeApproximately(2 * Math.Sqrt(2), Tight);
    }

    [Test]
    public void Data_already_in_two_dimensions_is_only_rotated_or_reflected()
    {
        using var scope = NewDisposeScope();
        var data = randn(30, 2, generator: new TorchSharp.torch.Generator(5), dtype: ScalarType.Float64)
            * tensor(new[] { 3.0, 0.7 })
            + tensor(new[] { 10.0, -4 });

        var pca = PrincipalComponents.Fit(data);

        // All pairwise distances survive: a rigid motion (after centring) and nothing else.
        var original = data.data<double>().ToArray();
        for (var i = 0; i < 30; i++)
        {
            for (var j = 0; j < 30; j++)
            {
                var before = Math.Sqrt(Math.Pow(original[2 * i] - original[2 * j], 2)
                    + Math.Pow(original[2 * i + 1] - original[2 * j + 1], 2));
                var after = Math.Sqrt(Math.Pow(pca.Projected[i, 0] - pca.Projected[j, 0], 2)
                    + Math.Pow(pca.Projected[i, 1] - pca.Projected[j, 1], 2));
                after.Should().BeApproximately(before, 1e-9);
            }
        }

        pca.ExplainedVarianceRatio.Sum().Should().BeApproximately(1, Tight, "two components hold all of 2-D data");
    }

    [Test]
    public void The_largest_loading_of_each_component_is_positive_and_results_repeat()
    {
        using var scope = NewDisposeScope();
        var data = randn(25, 8, generator: new TorchSharp.torch.Generator(11));

        var first = PrincipalComponents.Fit(data);
        var second = PrincipalComponents.Fit(-data);
        var again = PrincipalComponents.Fit(data);

        for (var c = 0; c < 2; c++)
        {
            var loadings = Enumerable.Range(0, 8).Select(k => first.Components[c, k]).ToList();
            loadings.MaxBy(Math.Abs).Should().BePositive();

            // Negated data has the same axes; the sign convention picks the same orientation for both.
            for (var k = 0; k < 8; k++)
            {
                second.Components[c, k].Should().BeApproximately(first.Components[c, k], 1e-6,
                    "float32 inputs: the SVD of X and of -X agree to float32 precision");
            }
        }

        again.Should().BeEquivalentTo(first, "the same data gives the same numbers, bit for bit");
    }

    [Test]
    public void Too_few_points_or_too_many_components_are_refused()
    {
        using var scope = NewDisposeScope();

        FluentActions.Invoking(() => PrincipalComponents.Fit(ones(1, 3)))
            .Should().Throw<ArgumentException>().WithMessage("*N >= 2*");
        FluentActions.Invoking(() => PrincipalComponents.Fit(ones(4, 3), components: 4))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("components");
    }
}
