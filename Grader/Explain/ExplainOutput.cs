namespace XaiReference.Grader.Explain;

/// <summary>What one method of <c>grader explain</c> wrote, and how long it took.</summary>
/// <param name="Method">The method.</param>
/// <param name="Files">The files written, the figure first.</param>
/// <param name="Elapsed">Wall time of the method and its figure, without loading the inputs.</param>
public sealed record ExplainOutput(ExplainMethod Method, IReadOnlyList<string> Files, TimeSpan Elapsed);
