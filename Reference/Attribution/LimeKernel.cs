namespace XaiReference.Attribution;

/// <summary>
/// How LIME weighs a perturbed sample: by the cosine distance of its on/off vector to the all-on
/// vector of the unperturbed picture, through an exponential kernel.
/// </summary>
public static class LimeKernel
{
    /// <summary>
    /// Cosine distance 1 - (a . b) / (|a| |b|), with the convention of scikit-learn's pairwise
    /// distances that a zero vector has similarity 0 (distance 1) to everything.
    /// </summary>
    public static double CosineDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Vectors of lengths {a.Length} and {b.Length} cannot be compared.", nameof(b));
        }

        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }

        if (normA == 0 || normB == 0)
        {
            return 1;
        }

        return 1 - dot / (Math.Sqrt(normA) * Math.Sqrt(normB));
    }

    /// <summary>The lime package's kernel: sqrt(exp(-d^2 / width^2)), which is exp(-d^2 / (2 width^2)).</summary>
    public static double Weight(double distance, double width) =>
        Math.Sqrt(Math.Exp(-(distance * distance) / (width * width)));
}
