namespace XaiReference.Attribution;

/// <summary>How far a long attribution run has got; reported through <see cref="IProgress{T}"/>.</summary>
/// <param name="Method">The reporting method's name, e.g. "SmoothGrad".</param>
/// <param name="Completed">Model evaluations (noisy samples or path points) done so far.</param>
/// <param name="Total">Model evaluations the run needs in all.</param>
public readonly record struct AttributionProgress(string Method, long Completed, long Total);
