namespace XaiReference.Attribution;

/// <summary>
/// Settings of <see cref="SmoothGrad"/>: the paper's by default, the course's with <see cref="Course"/>.
/// </summary>
public sealed record SmoothGradOptions
{
    /// <summary>
    /// Smilkov et al. (2017): 50 samples, noise std 0.15 of each picture's range, mean of the target logit's
    /// gradients, map = max of |.| over channels.
    /// </summary>
    public static SmoothGradOptions Paper { get; } = new();

    /// <summary>
    /// The course code: 500 samples; noise std (0.4 / range) squared; cross-entropy loss with the true label;
    /// mean of |gradient|; the whole [3, H, W] array min-max normalised, then summed over channels for display.
    /// </summary>
    public static SmoothGradOptions Course { get; } = new()
    {
        Samples = 500,
        NoiseLevel = 0.4,
        Noise = SmoothGradNoise.CourseSquaredInverseRange,
        Objective = AttributionObjective.CrossEntropyLoss,
        Aggregation = SmoothGradAggregation.AbsoluteGradient,
        Map = new MapStyle(ChannelReduction.Sum, MapNormalization.BeforeReduction),
        Channels = 3,
    };

    /// <summary>Noisy copies per picture; at least 1; 50 by default.</summary>
    public int Samples { get; init => field = AttributionGuard.AtLeastOne(value, nameof(Samples)); } = 50;

    /// <summary>The noise level, finite and >= 0, read as <see cref="Noise"/> says; 0.15 by default.</summary>
    public double NoiseLevel
    {
        get;
        init => field = double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(
                nameof(NoiseLevel), value, $"{nameof(NoiseLevel)} must be finite and >= 0, got {value}.");
    } = 0.15;

    /// <summary>
    /// How <see cref="NoiseLevel"/> and a picture's range give the noise std; the paper's rule by default.
    /// </summary>
    public SmoothGradNoise Noise { get; init; } = SmoothGradNoise.ProportionalToRange;

    /// <summary>What is differentiated for each noisy sample; the target logit by default. The cross-entropy
    /// objective is that of the single sample, as the course runs one sample per backward pass.</summary>
    public AttributionObjective Objective { get; init; } = AttributionObjective.TargetLogit;

    /// <summary>What is averaged over samples; the signed gradient by default.</summary>
    public SmoothGradAggregation Aggregation { get; init; } = SmoothGradAggregation.Gradient;

    /// <summary>How the averaged [N, C, H, W] array becomes the map; max of |.| over channels by default.</summary>
    public MapStyle Map { get; init; } = new(ChannelReduction.MaxOfAbsolute, MapNormalization.None);

    /// <summary>
    /// Most noisy samples through the model at once; at least 1; 10 by default. Does not change the result.
    /// On a CPU, 128 x 128 pictures run faster per sample in passes of 10 than of 50 (whose activations
    /// outgrow the caches): the course's 500 samples took half the time (docs/benchmarks.md).
    /// </summary>
    public int InternalBatchSize
    {
        get;
        init => field = AttributionGuard.AtLeastOne(value, nameof(InternalBatchSize));
    } = 10;

    /// <summary>Seed of the noise; the same seed gives the same result; 0 by default.</summary>
    public long Seed { get; init; }

    /// <summary>Required channel count of the inputs, or null (the default) to accept any.</summary>
    public int? Channels
    {
        get;
        init => field = value is null ? null : AttributionGuard.AtLeastOne(value.Value, nameof(Channels));
    }

    /// <summary>
    /// The noise standard deviation for a picture whose values span max - min = <paramref name="range"/>.
    /// </summary>
    /// <param name="range">max - min of the picture; must be > 0 for the course's rule, which divides by it.</param>
    public double NoiseStandardDeviation(double range)
    {
        if (!double.IsFinite(range) || range < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(range), range, $"A value range must be finite and >= 0, got {range}.");
        }

        if (Noise == SmoothGradNoise.ProportionalToRange)
        {
            return NoiseLevel * range;
        }

        if (range == 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(range),
                range,
                "The course's noise sigma = NoiseLevel / (max - min) needs a picture whose max > min.");
        }

        var sigma = NoiseLevel / range;
        return sigma * sigma;
    }
}
