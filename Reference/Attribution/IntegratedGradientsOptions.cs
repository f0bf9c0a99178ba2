namespace XaiReference.Attribution;

/// <summary>
/// Settings of <see cref="IntegratedGradients"/>: the paper's by default, the course's with <see cref="Course"/>.
/// </summary>
public sealed record IntegratedGradientsOptions
{
    /// <summary>
    /// Sundararajan et al. (2017): 50 Gauss-Legendre nodes, attributions multiplied by (x - baseline), so they
    /// sum to F(x) - F(baseline) up to <see cref="AttributionResult.ConvergenceDelta"/>; map = channel sum.
    /// </summary>
    public static IntegratedGradientsOptions Paper { get; } = new();

    /// <summary>
    /// The course code: 10 left-Riemann steps (path images x k / 10 for k = 0..9, so alpha never reaches 1),
    /// the averaged gradients are the result, never multiplied by (x - baseline); each picture's [3, H, W]
    /// result min-max normalised for display (the course shows it as RGB; the map sums its channels).
    /// </summary>
    public static IntegratedGradientsOptions Course { get; } = new()
    {
        Steps = 10,
        Rule = QuadratureRule.RiemannLeft,
        MultiplyByInputs = false,
        Map = new MapStyle(ChannelReduction.Sum, MapNormalization.BeforeReduction),
        Channels = 3,
    };

    /// <summary>
    /// Number of points on the path (quadrature nodes); at least 1 (2 for the trapezoid); 50 by default.
    /// </summary>
    public int Steps { get; init => field = AttributionGuard.AtLeastOne(value, nameof(Steps)); } = 50;

    /// <summary>The quadrature rule; Gauss-Legendre by default.</summary>
    public QuadratureRule Rule { get; init; } = QuadratureRule.GaussLegendre;

    /// <summary>
    /// Most path points through the model at once, over all pictures; at least 1; 10 by default.
    /// Bounds memory; does not change the result beyond float rounding. On a CPU, 128 x 128 pictures run
    /// faster per point in passes of 10 than of 50 (whose activations outgrow the caches): the paper's 50
    /// steps took 0.58x the time of one 50-point pass (docs/benchmarks.md).
    /// </summary>
    public int InternalBatchSize
    {
        get;
        init => field = AttributionGuard.AtLeastOne(value, nameof(InternalBatchSize));
    } = 10;

    /// <summary>
    /// Whether the path-averaged gradient is multiplied by (x - baseline), as the paper's definition does;
    /// true by default. Without it (the course) there is no completeness and no convergence delta.
    /// </summary>
    public bool MultiplyByInputs { get; init; } = true;

    /// <summary>
    /// How the [N, C, H, W] attributions become the map; signed channel sum, unnormalised by default.
    /// </summary>
    public MapStyle Map { get; init; } = new(ChannelReduction.Sum, MapNormalization.None);

    /// <summary>Required channel count of the inputs, or null (the default) to accept any.</summary>
    public int? Channels
    {
        get;
        init => field = value is null ? null : AttributionGuard.AtLeastOne(value.Value, nameof(Channels));
    }
}
