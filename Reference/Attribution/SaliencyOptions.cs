namespace XaiReference.Attribution;

/// <summary>
/// Settings of <see cref="Saliency"/>: the paper's by default, the course's with <see cref="Course"/>.
/// </summary>
public sealed record SaliencyOptions
{
    /// <summary>
    /// Simonyan et al. (2013): gradient of the target logit, max of |.| over channels, no normalisation.
    /// </summary>
    public static SaliencyOptions Paper { get; } = new();

    /// <summary>
    /// The course code: gradient of the cross-entropy loss averaged over the batch, max of |.| over channels,
    /// then each [H, W] map min-max normalised; RGB pictures.
    /// </summary>
    public static SaliencyOptions Course { get; } = new()
    {
        Objective = AttributionObjective.CrossEntropyLoss,
        Map = new MapStyle(ChannelReduction.MaxOfAbsolute, MapNormalization.AfterReduction),
        Channels = 3,
    };

    /// <summary>
    /// What is differentiated; <see cref="AttributionObjective.TargetLogit"/> by default. The cross-entropy
    /// objective is averaged over the batch as the course's <c>CrossEntropyLoss()</c> does, so the raw
    /// attributions of a batch of N carry a factor 1/N that the normalised map does not show.
    /// </summary>
    public AttributionObjective Objective { get; init; } = AttributionObjective.TargetLogit;

    /// <summary>
    /// How the [N, C, H, W] attributions become the map; max of |.| over channels, unnormalised by default.
    /// </summary>
    public MapStyle Map { get; init; } = new(ChannelReduction.MaxOfAbsolute, MapNormalization.None);

    /// <summary>Required channel count of the inputs, or null (the default) to accept any.</summary>
    public int? Channels
    {
        get;
        init => field = value is null ? null : AttributionGuard.AtLeastOne(value.Value, nameof(Channels));
    }
}
