using FluentAssertions;
using NUnit.Framework;
using XaiReference.Text;
using static TorchSharp.torch;

namespace XaiReference.Specs.Text;

/// <summary>
/// Euclidean distance is a metric; cosine similarity is a bounded, symmetric, scale-free angle measure.
/// </summary>
public sealed class EmbeddingDistancesSpecs
{
    // The functions work in float64; results of a few operations on values of order 1 agree to ~1e-15, and 1e-12
    // leaves room for sums over 384 dimensions.
    private const double Exact = 1e-12;

    private static IEnumerable<(Tensor A, Tensor B, Tensor C)> RandomTriples()
    {
        var generator = new TorchSharp.torch.Generator(20240601);
        for (var i = 0; i < 20; i++)
        {
            yield return (
                randn(384, generator: generator), randn(384, generator: generator), randn(384, generator: generator));
        }
    }

    [Test]
    public void Hand_derived_values_come_out_exactly()
    {
        using var scope = NewDisposeScope();

        // (3, 4) is 5 away from the origin; (1, 0) and (1, 1) are 45 degrees apart: cos = 1 / sqrt 2.
        EmbeddingDistances.Euclidean(tensor(new[] { 0f, 0 }), tensor(new[] { 3f, 4 }))
            .Should().BeApproximately(5, Exact);
        EmbeddingDistances.CosineSimilarity(tensor(new[] { 1f, 0 }), tensor(new[] { 1f, 1 }))
            .Should().BeApproximately(1 / Math.Sqrt(2), Exact);
        EmbeddingDistances.CosineSimilarity(tensor(new[] { 1f, 2 }), tensor(new[] { -2f, 1 }))
            .Should().BeApproximately(0, Exact);
        EmbeddingDistances.CosineDistance(tensor(new[] { 1f, 2 }), tensor(new[] { -1f, -2 }))
            .Should().BeApproximately(2, Exact);
    }

    [Test]
    public void Cosine_similarity_lies_in_minus_one_to_one_is_symmetric_and_ignores_positive_scale()
    {
        using var scope = NewDisposeScope();
        foreach (var (a, b, _) in RandomTriples())
        {
            var similarity = EmbeddingDistances.CosineSimilarity(a, b);

            similarity.Should().BeInRange(-1, 1);
            EmbeddingDistances.CosineSimilarity(b, a).Should().BeApproximately(similarity, Exact);
            EmbeddingDistances.CosineSimilarity(a * 7.5, b * 0.01).Should().BeApproximately(similarity, 1e-6,
                "scaling float32 inputs rounds them at 1e-7 relative, so the cosine moves by about that much");
            EmbeddingDistances.CosineSimilarity(-a, b).Should().BeApproximately(-similarity, Exact,
                "negation is exact in floating point and flips the angle to its supplement");
        }
    }

    [Test]
    public void Cosine_distance_is_one_minus_similarity_which_is_what_the_course_s_cosine_similarity_returns()
    {
        using var scope = NewDisposeScope();
        foreach (var (a, b, _) in RandomTriples())
        {
            EmbeddingDistances.CosineDistance(a, b)
                .Should().BeApproximately(1 - EmbeddingDistances.CosineSimilarity(a, b), Exact);
        }

        EmbeddingDistances.CosineDistance(tensor(new[] { 2f, 0 }), tensor(new[] { 5f, 0 }))
            .Should().BeApproximately(0, Exact);
    }

    [Test]
    public void Euclidean_distance_is_a_metric()
    {
        using var scope = NewDisposeScope();
        foreach (var (a, b, c) in RandomTriples())
        {
            var ab = EmbeddingDistances.Euclidean(a, b);

            EmbeddingDistances.Euclidean(a, a).Should().Be(0, "a vector is at distance exactly zero from itself");
            ab.Should().BeGreaterThan(0, "distinct vectors are apart");
            EmbeddingDistances.Euclidean(b, a).Should().BeApproximately(ab, Exact);
            (EmbeddingDistances.Euclidean(a, c) + EmbeddingDistances.Euclidean(c, b))
                .Should().BeGreaterThanOrEqualTo(ab - Exact,
                "the triangle inequality, up to rounding");
        }
    }

    [Test]
    public void Matrices_are_symmetric_with_the_identity_on_their_diagonal()
    {
        using var scope = NewDisposeScope();
        var vectors = randn(6, 16, generator: new TorchSharp.torch.Generator(7));

        var distances = EmbeddingDistances.EuclideanMatrix(vectors);
        var similarities = EmbeddingDistances.CosineSimilarityMatrix(vectors);
        var cosineDistances = EmbeddingDistances.CosineDistanceMatrix(vectors);

        for (var i = 0; i < 6; i++)
        {
            distances[i, i].Should().Be(0);
            similarities[i, i].Should().BeApproximately(1, Exact);
            for (var j = 0; j < 6; j++)
            {
                distances[i, j].Should().Be(distances[j, i]);
                similarities[i, j].Should().Be(similarities[j, i]);
                cosineDistances[i, j].Should().BeApproximately(1 - similarities[i, j], Exact);
            }
        }
    }

    [Test]
    public void A_zero_vector_has_no_cosine_and_mismatched_lengths_are_refused()
    {
        using var scope = NewDisposeScope();

        FluentActions.Invoking(() => EmbeddingDistances.CosineSimilarity(zeros(3), ones(3)))
            .Should().Throw<ArgumentException>().WithParameterName("a").WithMessage("*zero vector*");
        FluentActions.Invoking(() => EmbeddingDistances.Euclidean(ones(3), ones(4)))
            .Should().Throw<ArgumentException>().WithMessage("*[3]*[4]*");
    }
}
