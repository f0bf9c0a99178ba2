namespace XaiReference.Attribution;

/// <summary>What SmoothGrad averages over its noisy samples.</summary>
public enum SmoothGradAggregation
{
    /// <summary>The signed gradients (Smilkov et al. 2017); |.| is taken for display only.</summary>
    Gradient,

    /// <summary>The absolute gradients, as the course code accumulates them.</summary>
    AbsoluteGradient,

    /// <summary>The squared gradients: "SmoothGrad-squared" (Hooker et al. 2019).</summary>
    SquaredGradient,
}
