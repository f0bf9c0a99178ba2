using static TorchSharp.torch;

namespace XaiReference.Text;

/// <summary>
/// Distances and similarities between embedding vectors: Euclidean distance, cosine similarity and cosine
/// distance, for a pair of vectors or for all pairs of rows of a matrix.
/// </summary>
/// <remarks>
/// Cosine distance is 1 - cosine similarity: 0 for vectors pointing the same way, 1 for orthogonal ones, 2 for
/// opposite ones. The course's helper named <c>cosine_similarity</c> returns 1 - cos, i.e. this cosine
/// <em>distance</em>, not the similarity; <see cref="CosineDistance"/> is what it computes. Work is done in
/// float64 whatever the input type.
/// </remarks>
public static class EmbeddingDistances
{
    /// <summary>Euclidean distance ||a - b||.</summary>
    /// <param name="a">A vector [D].</param>
    /// <param name="b">A vector [D].</param>
    /// <returns>A value &gt;= 0, zero only when the vectors are equal.</returns>
    /// <exception cref="ArgumentException">The vectors are not 1-D of one length.</exception>
    public static double Euclidean(Tensor a, Tensor b)
    {
        CheckPair(a, b);
        using var scope = NewDisposeScope();
        return (a.to_type(ScalarType.Float64) - b.to_type(ScalarType.Float64)).norm().item<double>();
    }

    /// <summary>Cosine similarity a.b / (||a|| ||b||).</summary>
    /// <param name="a">A non-zero vector [D].</param>
    /// <param name="b">A non-zero vector [D].</param>
    /// <returns>A value in [-1, 1] (clamped against rounding), symmetric and unchanged by positive scaling.</returns>
    /// <exception cref="ArgumentException">The vectors are not 1-D of one length, or one of them is zero (its
    /// direction, and so the cosine, is undefined).</exception>
    public static double CosineSimilarity(Tensor a, Tensor b)
    {
        CheckPair(a, b);
        using var scope = NewDisposeScope();
        var x = a.to_type(ScalarType.Float64);
        var y = b.to_type(ScalarType.Float64);
        var (normA, normB) = (x.norm().item<double>(), y.norm().item<double>());
        if (normA == 0 || normB == 0)
        {
            throw new ArgumentException(
                $"Cosine similarity is undefined for a zero vector; ||{(normA == 0 ? nameof(a) : nameof(b))}|| = 0.",
                normA == 0 ? nameof(a) : nameof(b));
        }

        return Math.Clamp(x.dot(y).item<double>() / (normA * normB), -1, 1);
    }

    /// <summary>Cosine distance 1 - cosine similarity (what the course's <c>cosine_similarity</c> returns).</summary>
    /// <param name="a">A non-zero vector [D].</param>
    /// <param name="b">A non-zero vector [D].</param>
    /// <returns>A value in [0, 2].</returns>
    /// <exception cref="ArgumentException">As for <see cref="CosineSimilarity"/>.</exception>
    public static double CosineDistance(Tensor a, Tensor b) => 1 - CosineSimilarity(a, b);

    /// <summary>Euclidean distances between all pairs of rows.</summary>
    /// <param name="vectors">[N, D].</param>
    /// <returns>N x N, symmetric, zero diagonal.</returns>
    public static double[,] EuclideanMatrix(Tensor vectors) => Pairwise(vectors, Euclidean);

    /// <summary>Cosine similarities between all pairs of rows.</summary>
    /// <param name="vectors">[N, D], no zero row.</param>
    /// <returns>N x N, symmetric, ones on the diagonal, values in [-1, 1].</returns>
    public static double[,] CosineSimilarityMatrix(Tensor vectors) => Pairwise(vectors, CosineSimilarity);

    /// <summary>Cosine distances (1 - similarity) between all pairs of rows.</summary>
    /// <param name="vectors">[N, D], no zero row.</param>
    /// <returns>N x N, symmetric, zero diagonal, values in [0, 2].</returns>
    public static double[,] CosineDistanceMatrix(Tensor vectors) => Pairwise(vectors, CosineDistance);

    private static double[,] Pairwise(Tensor vectors, Func<Tensor, Tensor, double> measure)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.dim() != 2)
        {
            throw new ArgumentException(
                $"Expected vectors shaped [N, D], got [{string.Join(", ", vectors.shape)}].", nameof(vectors));
        }

        using var scope = NewDisposeScope();
        var n = (int)vectors.shape[0];
        var result = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                // Computed once per pair, so the matrix is exactly symmetric.
                result[i, j] = result[j, i] = measure(vectors[i], vectors[j]);
            }
        }

        return result;
    }

    private static void CheckPair(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.dim() != 1 || b.dim() != 1 || a.shape[0] != b.shape[0])
        {
            throw new ArgumentException(
                $"Expected two vectors of one length, got [{string.Join(", ", a.shape)}] and "
                + $"[{string.Join(", ", b.shape)}].",
                nameof(b));
        }
    }
}
