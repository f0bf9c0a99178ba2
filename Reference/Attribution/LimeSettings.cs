namespace XaiReference.Attribution;

/// <summary>
/// Settings of LIME for images. The defaults are those of the course and of the lime package's image
/// explainer: 1000 samples, classifier batches of 10, kernel width 0.25, ridge penalty 1.
/// </summary>
public sealed record LimeSettings
{
    /// <summary>Perturbed samples, the unperturbed picture included as sample 0. Default 1000.</summary>
    public int Samples { get; init; } = 1000;

    /// <summary>Perturbed pictures per classifier call. Default 10, as the course.</summary>
    public int BatchSize { get; init; } = 10;

    /// <summary>Width w of the kernel sqrt(exp(-d^2 / w^2)) on the cosine distance d. Default 0.25.</summary>
    public double KernelWidth { get; init; } = 0.25;

    /// <summary>L2 penalty of the weighted ridge surrogate. Default 1.</summary>
    public double RidgeAlpha { get; init; } = 1.0;

    /// <summary>Seed of the on/off samples. The same seed gives the same explanation.</summary>
    public ulong Seed { get; init; }

    /// <summary>The course's settings (the defaults).</summary>
    public static LimeSettings Course { get; } = new();

    internal void Validate()
    {
        if (Samples < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Samples), Samples, "LIME needs at least 2 samples.");
        }

        if (BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "The batch size must be at least 1.");
        }

        if (!(KernelWidth > 0) || double.IsInfinity(KernelWidth))
        {
            throw new ArgumentOutOfRangeException(
                nameof(KernelWidth), KernelWidth, "The kernel width must be positive.");
        }

        if (!(RidgeAlpha >= 0) || double.IsInfinity(RidgeAlpha))
        {
            throw new ArgumentOutOfRangeException(
                nameof(RidgeAlpha), RidgeAlpha, "The penalty must be zero or positive.");
        }
    }
}
