namespace XaiReference.Grader.Quiz;

/// <summary>A quiz key is missing, unreadable or inconsistent; the message says which and why.</summary>
public sealed class QuizKeyException : Exception
{
    /// <summary>Creates the exception with the message shown to course staff.</summary>
    public QuizKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message shown to course staff and the error underneath.</summary>
    public QuizKeyException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
