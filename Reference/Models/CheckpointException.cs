namespace XaiReference.Models;

/// <summary>
/// A weight file could not be read, or does not fit the module it was loaded into. The message names the
/// file and, where one is to blame, the first state-dict key that does not fit.
/// </summary>
public sealed class CheckpointException : Exception
{
    /// <summary>Creates an exception with a message only.</summary>
    public CheckpointException()
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    /// <param name="message">What went wrong.</param>
    public CheckpointException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CheckpointException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception about one file, and optionally one of its keys.</summary>
    /// <param name="filePath">The file, as the caller named it.</param>
    /// <param name="key">The first state-dict key to blame, or null when the whole file is at fault.</param>
    /// <param name="detail">What is wrong; the message is <c>"{filePath}: {detail}"</c>.</param>
    /// <param name="innerException">The cause, if another library threw first.</param>
    public CheckpointException(string filePath, string? key, string detail, Exception? innerException = null)
        : base($"{filePath}: {detail}", innerException)
    {
        FilePath = filePath;
        Key = key;
    }

    /// <summary>The file the error is about, as the caller named it; null when not given.</summary>
    public string? FilePath { get; }

    /// <summary>The first state-dict key to blame, or null when the whole file is at fault.</summary>
    public string? Key { get; }
}
