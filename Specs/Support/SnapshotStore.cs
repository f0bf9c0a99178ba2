using System.Runtime.CompilerServices;
using System.Text.Json;
using NUnit.Framework;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace XaiReference.Specs.Support;

/// <summary>
/// Snapshot files in the manner of Verify: a spec's output is compared with
/// <c>&lt;SpecClass&gt;.&lt;TestMethod&gt;[.&lt;suffix&gt;].verified.&lt;ext&gt;</c> in <see cref="Directory"/>.
/// On a mismatch or a missing verified file, the output is written beside it as
/// <c>...received.&lt;ext&gt;</c> and the spec fails with what differed; on a match a stale received file is
/// deleted. With <see cref="AcceptChanges"/> (environment variable <see cref="AcceptVariable"/> = 1) a
/// mismatching or missing snapshot is accepted instead: the output becomes the verified file.
/// </summary>
/// <remarks>
/// Verified files are golden files: they change only by accepting a deliberate change, never by hand to make a
/// spec pass. Every comparison takes a tolerance whose default is exact.
/// </remarks>
public sealed class SnapshotStore
{
    /// <summary>The environment variable that, set to 1 (or true), accepts mismatching snapshots.</summary>
    public const string AcceptVariable = "XAI_ACCEPT_SNAPSHOTS";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Creates a store over a folder; specs of the store itself pass a temporary folder.</summary>
    /// <param name="directory">The folder of the snapshot files; it must exist.</param>
    /// <param name="acceptChanges">Whether mismatching or missing snapshots are accepted rather than failed.</param>
    public SnapshotStore(string directory, bool acceptChanges)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException(
                $"Expected {nameof(directory)} to be an existing folder, got '{directory}'.");
        }

        Directory = directory;
        AcceptChanges = acceptChanges;
    }

    /// <summary>The folder of the snapshot files.</summary>
    public string Directory { get; }

    /// <summary>Whether mismatching or missing snapshots are written as verified rather than failed.</summary>
    public bool AcceptChanges { get; }

    /// <summary>Whether <see cref="AcceptVariable"/> is set to 1 or true in this process.</summary>
    public static bool AcceptChangesFromEnvironment =>
        Environment.GetEnvironmentVariable(AcceptVariable) is { } value
        && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>A store beside the calling spec's source file; accepts changes when the environment says so.</summary>
    /// <param name="sourceFilePath">Filled in by the compiler: the caller's source file.</param>
    public static SnapshotStore BesideSource([CallerFilePath] string sourceFilePath = "")
    {
        var folder = Path.GetDirectoryName(sourceFilePath);
        if (string.IsNullOrEmpty(folder))
        {
            throw new ArgumentException(
                $"Expected the path of a source file, got '{sourceFilePath}'.", nameof(sourceFilePath));
        }

        return new SnapshotStore(folder, AcceptChangesFromEnvironment);
    }

    /// <summary>The verified file's path.</summary>
    /// <param name="extension">File extension without the dot, e.g. <c>png</c> or <c>json</c>.</param>
    /// <param name="suffix">Tells apart several snapshots of one spec; null for none.</param>
    /// <param name="testName">
    /// <c>SpecClass.TestMethod</c>; null to take it from NUnit's current test context.
    /// </param>
    public string VerifiedPath(string extension, string? suffix = null, string? testName = null) =>
        PathOf("verified", extension, suffix, testName);

    /// <summary>The received file's path (written only when a snapshot does not match).</summary>
    /// <param name="extension">File extension without the dot.</param>
    /// <param name="suffix">Tells apart several snapshots of one spec; null for none.</param>
    /// <param name="testName"><c>SpecClass.TestMethod</c>; null to take it from NUnit's test context.</param>
    public string ReceivedPath(string extension, string? suffix = null, string? testName = null) =>
        PathOf("received", extension, suffix, testName);

    /// <summary>Compares a picture with its PNG snapshot.</summary>
    /// <param name="received">The picture the spec produced.</param>
    /// <param name="tolerance">Allowed channel differences; exact by default.</param>
    /// <param name="suffix">Tells apart several snapshots of one spec; null for none.</param>
    /// <param name="testName"><c>SpecClass.TestMethod</c>; null to take it from NUnit's test context.</param>
    public void VerifyImage(
        Image<Rgba32> received,
        ImageTolerance tolerance = default,
        string? suffix = null,
        string? testName = null)
    {
        ArgumentNullException.ThrowIfNull(received);
        using var buffer = new MemoryStream();
        received.SaveAsPng(buffer);
        VerifyPng(buffer.ToArray(), tolerance, suffix, testName);
    }

    /// <summary>Compares an encoded PNG with its snapshot; the pixels are compared, not the bytes.</summary>
    /// <param name="png">The PNG file's bytes.</param>
    /// <param name="tolerance">Allowed channel differences; exact by default.</param>
    /// <param name="suffix">Tells apart several snapshots of one spec; null for none.</param>
    /// <param name="testName"><c>SpecClass.TestMethod</c>; null to take it from NUnit's test context.</param>
    public void VerifyPng(
        byte[] png,
        ImageTolerance tolerance = default,
        string? suffix = null,
        string? testName = null)
    {
        ArgumentNullException.ThrowIfNull(png);
        using var received = Image.Load<Rgba32>(png);
        Verify("png", png, suffix, testName, verifiedPath =>
        {
            using var verified = Image.Load<Rgba32>(verifiedPath);
            var sizes = $"received {received.Width}x{received.Height}, verified {verified.Width}x{verified.Height}";
            if (received.Size() != verified.Size())
            {
                return $"the sizes differ: {sizes}";
            }

            var difference = ImageDifference.Between(received, verified);
            return difference.IsWithin(tolerance)
                ? null
                : $"size {received.Width}x{received.Height}; {difference.Describe(tolerance)}; "
                  + $"tolerance {tolerance}";
        });
    }

    /// <summary>Compares a JSON document with its snapshot: structure exactly, numbers within the tolerance.</summary>
    /// <param name="json">The document the spec produced; written as it is.</param>
    /// <param name="tolerance">How far numbers may be apart; exact by default.</param>
    /// <param name="suffix">Tells apart several snapshots of one spec; null for none.</param>
    /// <param name="testName"><c>SpecClass.TestMethod</c>; null to take it from NUnit's test context.</param>
    public void VerifyJson(
        string json,
        NumberTolerance tolerance = default,
        string? suffix = null,
        string? testName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var received = ParseJson(json, nameof(json));
        Verify("json", System.Text.Encoding.UTF8.GetBytes(json), suffix, testName, verifiedPath =>
        {
            using var verified = JsonDocument.Parse(File.ReadAllBytes(verifiedPath));
            return JsonDifference.First(received.RootElement, verified.RootElement, tolerance);
        });
    }

    /// <summary>
    /// Compares text with its snapshot line by line; CRLF and LF line ends count as the same, so a checkout that
    /// converts line ends still matches. The received file is written with the text as it is.
    /// </summary>
    /// <param name="text">The text the spec produced.</param>
    /// <param name="extension">The file extension without the dot, e.g. <c>md</c>; <c>txt</c> by default.</param>
    /// <param name="suffix">Tells apart several snapshots of one spec; null for none.</param>
    /// <param name="testName"><c>SpecClass.TestMethod</c>; null to take it from NUnit's test context.</param>
    public void VerifyText(
        string text,
        string extension = "txt",
        string? suffix = null,
        string? testName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Verify(extension, System.Text.Encoding.UTF8.GetBytes(text), suffix, testName, verifiedPath =>
            FirstLineDifference(text, File.ReadAllText(verifiedPath)));
    }

    /// <summary>Compares a value, serialised to indented JSON, with its snapshot.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value; System.Text.Json writes it (numbers in shortest round-trip form).</param>
    /// <param name="tolerance">How far numbers may be apart; exact by default.</param>
    /// <param name="suffix">Tells apart several snapshots of one spec; null for none.</param>
    /// <param name="testName"><c>SpecClass.TestMethod</c>; null to take it from NUnit's test context.</param>
    public void VerifyObject<T>(
        T value,
        NumberTolerance tolerance = default,
        string? suffix = null,
        string? testName = null) =>
        VerifyJson(JsonSerializer.Serialize(value, Indented), tolerance, suffix, testName);

    private void Verify(
        string extension,
        byte[] receivedBytes,
        string? suffix,
        string? testName,
        Func<string, string?> firstDifference)
    {
        var verifiedPath = VerifiedPath(extension, suffix, testName);
        var receivedPath = ReceivedPath(extension, suffix, testName);
        var problem = File.Exists(verifiedPath)
            ? firstDifference(verifiedPath)
            : "there is no verified snapshot yet";

        if (problem is null)
        {
            File.Delete(receivedPath);
            return;
        }

        if (AcceptChanges)
        {
            File.WriteAllBytes(verifiedPath, receivedBytes);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllBytes(receivedPath, receivedBytes);
        throw new AssertionException(
            $"Snapshot {Path.GetFileName(verifiedPath)} does not match: {problem}.{Environment.NewLine}"
            + $"The output was written to {receivedPath}. If the change is intended, "
            + $"rerun with {AcceptVariable}=1 (or move the received file over the verified one) and commit it.");
    }

    private string PathOf(string kind, string extension, string? suffix, string? testName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(extension);
        var name = testName ?? CurrentTestName();
        if (suffix is not null && (suffix.Length == 0 || suffix.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0))
        {
            throw new ArgumentException($"Expected a non-empty file-name part, got '{suffix}'.", nameof(suffix));
        }

        var stem = suffix is null ? name : $"{name}.{suffix}";
        return Path.Combine(Directory, $"{stem}.{kind}.{extension}");
    }

    private static string CurrentTestName()
    {
        var test = TestContext.CurrentContext?.Test;
        if (test?.ClassName is not { } className || test.MethodName is not { } methodName)
        {
            throw new InvalidOperationException(
                "No NUnit test is running: pass testName (\"SpecClass.TestMethod\") explicitly.");
        }

        // ClassName is namespace-qualified; nested classes are joined with '+'.
        var shortName = className[(className.LastIndexOf('.') + 1)..].Replace('+', '.');
        return $"{shortName}.{methodName}";
    }

    private static string? FirstLineDifference(string received, string verified)
    {
        // Split gives one part more than there are line ends; the last part is what follows the last line end.
        var receivedLines = received.ReplaceLineEndings("\n").Split('\n');
        var verifiedLines = verified.ReplaceLineEndings("\n").Split('\n');
        var sameCount = receivedLines.Length == verifiedLines.Length;
        var compared = sameCount ? receivedLines.Length : Math.Min(receivedLines.Length, verifiedLines.Length) - 1;
        for (var i = 0; i < compared; i++)
        {
            if (receivedLines[i] != verifiedLines[i])
            {
                return $"line {i + 1} differs: received '{receivedLines[i]}', verified '{verifiedLines[i]}'";
            }
        }

        return sameCount ? null : $"received {receivedLines.Length - 1} line ends, verified {verifiedLines.Length - 1}";
    }

    private static JsonDocument ParseJson(string json, string parameterName)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Expected a JSON document, got one that fails to parse: {e.Message}",
                parameterName, e);
        }
    }
}
