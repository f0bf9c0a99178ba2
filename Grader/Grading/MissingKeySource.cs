using XaiReference.Grader.Quiz;

namespace XaiReference.Grader.Grading;

/// <summary>The key source used while none derives the course's key: it always refuses, saying what to do.</summary>
public sealed class MissingKeySource : IKeySource
{
    /// <inheritdoc />
    public QuizKey GetKey() =>
        throw new QuizKeyException(
            "no key: pass --key <key.json> (this build has no source that derives the course's key)");
}
