namespace XaiReference.Segmentation;

/// <summary>
/// Parameters of <see cref="Slic"/>. The defaults are the course's call
/// <c>slic(image, n_segments=200, compactness=1, sigma=1)</c> together with scikit-image's own
/// defaults for everything else.
/// </summary>
public sealed record SlicSettings
{
    /// <summary>The course's settings.</summary>
    public static SlicSettings Course { get; } = new();

    /// <summary>
    /// Approximate number of superpixels (skimage's <c>n_segments</c>); default 200. The grid of
    /// starting centres usually holds a few fewer (196 on a 128x128 picture) and connectivity
    /// enforcement changes the final count again.
    /// </summary>
    public int SegmentCount { get; init; } = 200;

    /// <summary>
    /// Weight of space against colour (skimage's <c>compactness</c>); default 1. Larger values give
    /// squarer superpixels; the Lab colour difference is divided by it before squaring.
    /// </summary>
    public double Compactness { get; init; } = 1.0;

    /// <summary>
    /// Standard deviation, in pixels, of the Gaussian that smooths the Lab picture along each axis
    /// before clustering (skimage's <c>sigma</c>); default 1. Zero turns smoothing off.
    /// </summary>
    public double Sigma { get; init; } = 1.0;

    /// <summary>Number of k-means rounds (skimage's <c>max_num_iter</c>); default 10.</summary>
    public int MaxIterations { get; init; } = 10;

    /// <summary>
    /// Whether to split superpixels into 4-connected pieces and merge small pieces into a
    /// neighbour (skimage's <c>enforce_connectivity</c>); default true.
    /// </summary>
    public bool EnforceConnectivity { get; init; } = true;

    /// <summary>
    /// Pieces smaller than this fraction of the average superpixel area are merged into a
    /// neighbour (skimage's <c>min_size_factor</c>); default 0.5.
    /// </summary>
    public double MinSizeFactor { get; init; } = 0.5;

    /// <summary>
    /// Pieces are cut off at this multiple of the average superpixel area
    /// (skimage's <c>max_size_factor</c>); default 3.
    /// </summary>
    public double MaxSizeFactor { get; init; } = 3.0;
}
