using XaiReference.Attribution;

namespace XaiReference.Grader.Explain;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls its action at once, on the reporting thread. The framework's
/// <see cref="Progress{T}"/> posts to the synchronisation context or the thread pool instead, so its reports
/// could arrive after the method has finished and out of order.
/// </summary>
/// <param name="report">Called with every report.</param>
public sealed class ExplainProgress(Action<AttributionProgress> report) : IProgress<AttributionProgress>
{
    /// <inheritdoc />
    public void Report(AttributionProgress value) => report(value);
}
