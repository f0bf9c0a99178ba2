using System.Globalization;

namespace XaiReference.Grader.Submissions;

/// <summary>
/// Reads submissions from any mix of JSON files, CSV files and folders of them. Nothing stops a batch: every input
/// that cannot be read becomes a <see cref="SubmissionFailure"/> with its reason, and reading goes on.
/// </summary>
public static class SubmissionReader
{
    /// <summary>
    /// Reads every path in the order given. A folder contributes its <c>.json</c> and <c>.csv</c> files, searched
    /// recursively and taken in ordinal order of their relative paths, so a batch reads the same way every time.
    /// </summary>
    /// <param name="paths">Files and folders.</param>
    /// <param name="options">Limits; <see cref="SubmissionReaderOptions.Default"/> when null.</param>
    public static SubmissionBatch Read(IEnumerable<string> paths, SubmissionReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= SubmissionReaderOptions.Default;
        if (options.MaxFileBytes <= 0)
            throw new ArgumentOutOfRangeException(
                nameof(options), options.MaxFileBytes, "MaxFileBytes: expected a positive number of bytes");

        var batch = new SubmissionBatchBuilder();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => IsSubmissionFile(f))
                    .Select(f => Path.GetRelativePath(path, f).Replace('\\', '/'))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (files.Count == 0)
                    batch.Fail(path, null, "the folder holds no .json or .csv files");
                foreach (var relative in files)
                    ReadFile(Path.Combine(path, relative).Replace('\\', '/'), options, batch);
            }
            else if (File.Exists(path))
                ReadFile(path, options, batch);
            else
                batch.Fail(path, null, "no such file or folder");
        }

        return batch.Build();
    }

    private static bool IsSubmissionFile(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".json" or ".csv";

    private static void ReadFile(string path, SubmissionReaderOptions options, SubmissionBatchBuilder batch)
    {
        // The bytes: bounded before they are read.
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".json" or ".csv"))
        {
            batch.Fail(path, null, $"expected a .json or .csv file, got '{extension}'");
            return;
        }

        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > options.MaxFileBytes)
            {
                batch.Fail(path, null,
                    $"the file is {length.ToString("N0", CultureInfo.InvariantCulture)} bytes, over the limit of " +
                    $"{options.MaxFileBytes.ToString("N0", CultureInfo.InvariantCulture)}; not read");
                return;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            batch.Fail(path, null, $"the file could not be read: {e.Message}");
            return;
        }

        // The text, then the format its extension names.
        var (text, error) = SubmissionText.Decode(bytes);
        if (text is null)
        {
            batch.Fail(path, null, error!);
            return;
        }

        if (extension == ".json")
            JsonSubmissionParser.Parse(text, path, Path.GetFileNameWithoutExtension(path), batch);
        else
            CsvSubmissionParser.Parse(text, path, batch);
    }
}
