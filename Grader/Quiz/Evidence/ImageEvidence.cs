namespace XaiReference.Grader.Quiz.Evidence;

/// <summary>
/// Everything the image questions are derived from: per-picture measurements and facts about the model.
/// </summary>
/// <param name="Settings">The settings the measurements were made at.</param>
/// <param name="Pictures">One entry per picture, in the course's numbering.</param>
/// <param name="LayerTypes">The module type at each index of <c>cnn</c>, read from the model (e.g. "Conv2d").</param>
/// <param name="LimeRowZeroAllOn">Whether LIME's first sample kept every superpixel (the unperturbed picture).</param>
/// <param name="LimeGreenIsPositive">Whether the course view paints positive-weight superpixels green.</param>
/// <param name="SaliencyIsLossGradient">
/// Whether the course's saliency equals |d loss / d input| computed directly.
/// </param>
/// <param name="CoursePathAlphas">The course IG's path coefficients (x * alpha), in order.</param>
public sealed record ImageEvidence(
    EvidenceSettings Settings,
    IReadOnlyList<PictureEvidence> Pictures,
    IReadOnlyList<string> LayerTypes,
    bool LimeRowZeroAllOn,
    bool LimeGreenIsPositive,
    bool SaliencyIsLossGradient,
    IReadOnlyList<double> CoursePathAlphas);
