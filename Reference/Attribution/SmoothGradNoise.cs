namespace XaiReference.Attribution;

/// <summary>How SmoothGrad turns its noise level and a picture's value range into a noise standard deviation.</summary>
public enum SmoothGradNoise
{
    /// <summary>The paper's: std = NoiseLevel * (max - min) of the picture, e.g. 0.15 of its range.</summary>
    ProportionalToRange,

    /// <summary>
    /// The course code's: sigma = NoiseLevel / (max - min), and the std actually passed to <c>normal_</c>
    /// is sigma squared. For pictures in [0, 1] with range about 1 and NoiseLevel 0.4 that is about 0.16.
    /// </summary>
    CourseSquaredInverseRange,
}
