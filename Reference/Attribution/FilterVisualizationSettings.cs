namespace XaiReference.Attribution;

/// <summary>Where activation maximisation starts.</summary>
public enum FilterStart
{
    /// <summary>From the given pictures, as the course does.</summary>
    Pictures,

    /// <summary>From uniform noise in [0, 1], as activation-maximisation papers usually do.</summary>
    Noise,
}

/// <summary>
/// Settings of activation maximisation. The defaults are the course's: Adam with learning rate 0.1 for 100
/// steps, starting from the pictures, no regulariser.
/// </summary>
public sealed record FilterVisualizationSettings
{
    /// <summary>Adam steps. Default 100.</summary>
    public int Steps { get; init; } = 100;

    /// <summary>Adam's learning rate. Default 0.1.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Start from the pictures (course) or from noise.</summary>
    public FilterStart Start { get; init; } = FilterStart.Pictures;

    /// <summary>Largest random shift in pixels applied before each step (jitter regulariser); 0 turns it off.</summary>
    public int Jitter { get; init; }

    /// <summary>Weight of the total-variation penalty subtracted from the objective; 0 turns it off.</summary>
    public double TotalVariation { get; init; }

    /// <summary>Seed of the noise start and of the jitter.</summary>
    public long Seed { get; init; }

    /// <summary>The course's settings (the defaults).</summary>
    public static FilterVisualizationSettings Course { get; } = new();

    /// <summary>Regularised maximisation from noise: 200 steps, jitter of 4 pixels, total variation 0.05.</summary>
    public static FilterVisualizationSettings FromNoise { get; } =
        new() { Steps = 200, Start = FilterStart.Noise, Jitter = 4, TotalVariation = 0.05 };

    internal void Validate()
    {
        if (Steps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "At least one step is needed.");
        }

        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
        {
            throw new ArgumentOutOfRangeException(
                nameof(LearningRate), LearningRate, "The learning rate must be positive.");
        }

        if (Jitter < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Jitter), Jitter, "The jitter must be 0 or more pixels.");
        }

        if (!(TotalVariation >= 0) || double.IsInfinity(TotalVariation))
        {
            throw new ArgumentOutOfRangeException(
                nameof(TotalVariation), TotalVariation, "The total-variation weight must be 0 or more.");
        }
    }
}
