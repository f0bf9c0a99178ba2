namespace XaiReference.Grader.Quiz.Evidence;

/// <summary>
/// The settings the image evidence is measured at. <see cref="Course"/> is the homework's; lighter settings
/// make the specs fast and change no rule.
/// </summary>
public sealed record EvidenceSettings
{
    /// <summary>LIME samples (course 1000).</summary>
    public int LimeSamples { get; init; } = 1000;

    /// <summary>SmoothGrad samples (course 500).</summary>
    public int SmoothGradSamples { get; init; } = 500;

    /// <summary>Activation-maximisation steps (course 100).</summary>
    public int FilterSteps { get; init; } = 100;

    /// <summary>Integrated Gradients steps (course 10); the comparison uses five times as many.</summary>
    public int IgSteps { get; init; } = 10;

    /// <summary>The hooked shallow layer (course <c>cnn[6]</c>).</summary>
    public int ShallowLayer { get; init; } = 6;

    /// <summary>The hooked deep layer (course <c>cnn[23]</c>).</summary>
    public int DeepLayer { get; init; } = 23;

    /// <summary>The course's settings.</summary>
    public static EvidenceSettings Course { get; } = new();

    /// <summary>A few seconds' worth, for specs: 200 LIME samples, 40 SmoothGrad samples, 30 filter steps.</summary>
    public static EvidenceSettings Quick { get; } =
        new() { LimeSamples = 200, SmoothGradSamples = 40, FilterSteps = 30 };
}
