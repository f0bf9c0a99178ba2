using XaiReference.Grader.Quiz;

namespace XaiReference.Grader.Grading;

/// <summary>A key read from a JSON file in the <see cref="QuizKeyJson"/> format (what <c>--key</c> gives).</summary>
/// <param name="Path">The key file.</param>
public sealed record FileKeySource(string Path) : IKeySource
{
    /// <inheritdoc />
    public QuizKey GetKey() => QuizKeyJson.Load(Path);
}
