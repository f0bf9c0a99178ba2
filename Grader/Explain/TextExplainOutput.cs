namespace XaiReference.Grader.Explain;

/// <summary>What one text method of <c>grader explain</c> wrote, and how long it took.</summary>
/// <param name="Method">The method.</param>
/// <param name="Files">The files written, the first figure first.</param>
/// <param name="Elapsed">Wall time of the method and its files, without loading the model.</param>
public sealed record TextExplainOutput(TextExplainMethod Method, IReadOnlyList<string> Files, TimeSpan Elapsed);
