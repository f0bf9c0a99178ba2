namespace XaiReference.Imaging;

/// <summary>A picture file could not be read: unsupported format, too large, corrupt or truncated.</summary>
public sealed class PictureLoadException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    /// <param name="path">The file (or the name given to in-memory bytes) that failed.</param>
    /// <param name="message">What went wrong; the path is prefixed to it.</param>
    /// <param name="innerException">The decoder's own exception, if any.</param>
    public PictureLoadException(string path, string message, Exception? innerException = null)
        : base($"{path}: {message}", innerException)
    {
        Path = path;
    }

    /// <summary>The file that failed.</summary>
    public string Path { get; }
}
