using FluentAssertions;
using NUnit.Framework;

namespace XaiReference.Specs.Attribution.Sanity;

/// <summary>The rank correlation the sanity checks rely on, on samples whose answer is known by hand.</summary>
public sealed class RankCorrelationSpecs
{
    [Test]
    public void Any_increasing_transform_keeps_the_ranks_so_the_correlation_is_one()
    {
        float[] values = [0.3f, -2f, 7f, 1f, 0f];

        RankCorrelation.Spearman(values, values.Select(v => MathF.Exp(v) * 10).ToArray())
            .Should().BeApproximately(1, 1e-12);
        RankCorrelation.Spearman(values, values.Select(v => -v).ToArray()).Should().BeApproximately(-1, 1e-12);
    }

    [Test]
    public void Tied_values_share_the_mean_of_their_ranks()
    {
        RankCorrelation.Ranks([5f, 1f, 5f, 3f]).Should().Equal(3.5, 1, 3.5, 2);
    }

    [Test]
    public void A_hand_computed_case()
    {
        // Ranks (1, 2, 3, 4) against (2, 1, 4, 3): sum of squared rank differences 4, so 1 - 6*4 / (4*15) = 0.6.
        RankCorrelation.Spearman([1f, 2f, 3f, 4f], [20f, 10f, 40f, 30f]).Should().BeApproximately(0.6, 1e-12);
    }
}
