namespace XaiReference.Attribution;

/// <summary>How far a long-running method has come, reported through <see cref="IProgress{T}"/>.</summary>
/// <param name="Stage">What is being done, e.g. "LIME samples".</param>
/// <param name="Done">Units of work finished.</param>
/// <param name="Total">Units of work in all.</param>
public readonly record struct MethodProgress(string Stage, int Done, int Total);
