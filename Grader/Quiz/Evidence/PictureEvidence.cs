namespace XaiReference.Grader.Quiz.Evidence;

/// <summary>
/// What the reference measured on one picture, at the settings in <see cref="ImageEvidence.Settings"/>.
/// </summary>
/// <param name="Number">The picture's number, 0 .. 9.</param>
/// <param name="Label">Its true class.</param>
/// <param name="Predicted">The class the network predicts.</param>
/// <param name="Confidence">Softmax probability of the predicted class.</param>
/// <param name="Area">The regions' own shares of the picture.</param>
/// <param name="LimePositive">Where LIME's positive superpixel weight lies (weight times pixel share).</param>
/// <param name="LimeNegative">Where LIME's negative weight lies (absolute values).</param>
/// <param name="LimeFit">Weighted R^2 of LIME's surrogate.</param>
/// <param name="Saliency">Where the course's normalised saliency map puts its mass.</param>
/// <param name="SaliencyRawMax">Largest |gradient| before the per-picture normalisation.</param>
/// <param name="SmoothGrad">Where the course's SmoothGrad map puts its mass.</param>
/// <param name="SmoothGradNoiseStd">Standard deviation of the noise the course code actually adds.</param>
/// <param name="SmoothGradRawMax">Largest value of the averaged |gradient| before normalisation.</param>
/// <param name="ShallowFilter">Where filter 0 of the shallow layer fires (activation mass).</param>
/// <param name="DeepFilter">Where filter 0 of the deep layer fires.</param>
/// <param name="ShallowVisualizationChange">Mean |change| of the picture made by maximising the shallow filter.</param>
/// <param name="DeepVisualizationChange">Mean |change| made by maximising the deep filter.</param>
/// <param name="IntegratedGradients">Where the course's IG map (|attribution| summed over channels) lies.</param>
/// <param name="CourseIgSum">Sum of the course's IG attributions (never multiplied by the input).</param>
/// <param name="ScoreGain">F(x) - F(black) for the true class: what complete attributions would sum to.</param>
/// <param name="PaperDeltaFewSteps">|Convergence delta| of the paper's IG with the course's step count.</param>
/// <param name="PaperDeltaManySteps">|Convergence delta| of the paper's IG with five times the steps.</param>
/// <param name="CourseIgStepCorrelation">Correlation of the course's IG maps at the two step counts.</param>
public sealed record PictureEvidence(
    int Number,
    int Label,
    int Predicted,
    double Confidence,
    RegionShares Area,
    RegionShares LimePositive,
    RegionShares LimeNegative,
    double LimeFit,
    RegionShares Saliency,
    double SaliencyRawMax,
    RegionShares SmoothGrad,
    double SmoothGradNoiseStd,
    double SmoothGradRawMax,
    RegionShares ShallowFilter,
    RegionShares DeepFilter,
    double ShallowVisualizationChange,
    double DeepVisualizationChange,
    RegionShares IntegratedGradients,
    double CourseIgSum,
    double ScoreGain,
    double PaperDeltaFewSteps,
    double PaperDeltaManySteps,
    double CourseIgStepCorrelation);
