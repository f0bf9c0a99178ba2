namespace XaiReference.Attribution;

/// <summary>Whether and when a display map is min-max normalised, picture by picture.</summary>
public enum MapNormalization
{
    /// <summary>The map keeps the attributions' own scale.</summary>
    None,

    /// <summary>Reduce over channels first, then scale each [H, W] map to [0, 1] (the course's saliency).</summary>
    AfterReduction,

    /// <summary>
    /// Scale each picture's whole [C, H, W] attributions to [0, 1], then reduce over channels
    /// (the course's SmoothGrad and Integrated Gradients).
    /// </summary>
    BeforeReduction,
}
