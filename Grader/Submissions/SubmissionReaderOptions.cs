namespace XaiReference.Grader.Submissions;

/// <summary>Limits that keep one bad file from hurting a batch.</summary>
/// <param name="MaxFileBytes">Files larger than this are reported and not read; the default is 5 MiB.</param>
public sealed record SubmissionReaderOptions(long MaxFileBytes = SubmissionReaderOptions.DefaultMaxFileBytes)
{
    /// <summary>5 MiB: a class CSV of a thousand students with 30 answers each is about 100 KiB.</summary>
    public const long DefaultMaxFileBytes = 5L * 1024 * 1024;

    /// <summary>The defaults.</summary>
    public static SubmissionReaderOptions Default { get; } = new();
}
