namespace XaiReference.Attribution;

/// <summary>
/// Everything LIME computed for one picture: the samples, their distances and kernel weights, the
/// classifier's outputs on them, and one surrogate per explained class.
/// </summary>
public sealed class LimeExplanation
{
    internal LimeExplanation(
        int width,
        int height,
        int[] segments,
        int segmentCount,
        byte[] samples,
        double[] distances,
        double[] kernelWeights,
        float[] outputs,
        int classCount,
        IReadOnlyDictionary<int, LimeFit> fits)
    {
        Width = width;
        Height = height;
        Segments = segments;
        SegmentCount = segmentCount;
        Samples = samples;
        Distances = distances;
        KernelWeights = kernelWeights;
        Outputs = outputs;
        ClassCount = classCount;
        Fits = fits;
    }

    /// <summary>Picture width in pixels.</summary>
    public int Width { get; }

    /// <summary>Picture height in pixels.</summary>
    public int Height { get; }

    /// <summary>Superpixel label of every pixel, row-major, in 0 .. <see cref="SegmentCount"/> - 1.</summary>
    public IReadOnlyList<int> Segments { get; }

    /// <summary>Number of superpixels, the surrogate's features.</summary>
    public int SegmentCount { get; }

    /// <summary>Row-major [samples, superpixels] on/off matrix; row 0 is all on (the picture itself).</summary>
    public IReadOnlyList<byte> Samples { get; }

    /// <summary>Number of samples.</summary>
    public int SampleCount => Distances.Count;

    /// <summary>Cosine distance of each sample's on/off vector to row 0.</summary>
    public IReadOnlyList<double> Distances { get; }

    /// <summary>Kernel weight of each sample.</summary>
    public IReadOnlyList<double> KernelWeights { get; }

    /// <summary>Row-major [samples, classes] classifier outputs on the perturbed pictures.</summary>
    public IReadOnlyList<float> Outputs { get; }

    /// <summary>Number of classifier outputs per sample.</summary>
    public int ClassCount { get; }

    /// <summary>The surrogate of each explained class.</summary>
    public IReadOnlyDictionary<int, LimeFit> Fits { get; }

    /// <summary>The surrogate of <paramref name="target"/>, which must have been explained.</summary>
    public LimeFit this[int target] => Fits.TryGetValue(target, out var fit)
        ? fit
        : throw new KeyNotFoundException(
            $"Class {target} was not explained; explained classes: {string.Join(", ", Fits.Keys.Order())}.");
}
