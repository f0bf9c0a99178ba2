using System.Runtime.CompilerServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace XaiReference.Specs.Support;

/// <summary>
/// Snapshot checks with the files beside the calling spec's source file; see <see cref="SnapshotStore"/>.
/// </summary>
public static class Snapshot
{
    /// <summary>Compares a picture with <c>&lt;SpecClass&gt;.&lt;TestMethod&gt;[.suffix].verified.png</c>.</summary>
    /// <param name="received">The picture the spec produced.</param>
    /// <param name="tolerance">Allowed channel differences; exact by default.</param>
    /// <param name="suffix">Tells apart several snapshots of one spec; null for none.</param>
    /// <param name="testName"><c>SpecClass.TestMethod</c>; null to take it from NUnit's test context.</param>
    /// <param name="sourceFilePath">Filled in by the compiler.</param>
    public static void VerifyImage(
        Image<Rgba32> received,
        ImageTolerance tolerance = default,
        string? suffix = null,
        string? testName = null,
        [CallerFilePath] string sourceFilePath = "") =>
        SnapshotStore.BesideSource(sourceFilePath).VerifyImage(received, tolerance, suffix, testName);

    /// <summary>
    /// Compares a JSON document with <c>&lt;SpecClass&gt;.&lt;TestMethod&gt;[.suffix].verified.json</c>.
    /// </summary>
    /// <param name="json">The document the spec produced.</param>
    /// <param name="tolerance">How far numbers may be apart; exact by default.</param>
    /// <param name="suffix">Tells apart several snapshots of one spec; null for none.</param>
    /// <param name="testName"><c>SpecClass.TestMethod</c>; null to take it from NUnit's test context.</param>
    /// <param name="sourceFilePath">Filled in by the compiler.</param>
    public static void VerifyJson(
        string json,
        NumberTolerance tolerance = default,
        string? suffix = null,
        string? testName = null,
        [CallerFilePath] string sourceFilePath = "") =>
        SnapshotStore.BesideSource(sourceFilePath).VerifyJson(json, tolerance, suffix, testName);

    /// <summary>
    /// Compares text with <c>&lt;SpecClass&gt;.&lt;TestMethod&gt;[.suffix].verified.&lt;extension&gt;</c>, line by
    /// line, CRLF and LF alike.
    /// </summary>
    /// <param name="text">The text the spec produced.</param>
    /// <param name="extension">The file extension without the dot, e.g. <c>md</c>; <c>txt</c> by default.</param>
    /// <param name="suffix">Tells apart several snapshots of one spec; null for none.</param>
    /// <param name="testName"><c>SpecClass.TestMethod</c>; null to take it from NUnit's test context.</param>
    /// <param name="sourceFilePath">Filled in by the compiler.</param>
    public static void VerifyText(
        string text,
        string extension = "txt",
        string? suffix = null,
        string? testName = null,
        [CallerFilePath] string sourceFilePath = "") =>
        SnapshotStore.BesideSource(sourceFilePath).VerifyText(text, extension, suffix, testName);

    /// <summary>Compares a value, written as indented JSON, with its <c>.verified.json</c> snapshot.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="tolerance">How far numbers may be apart; exact by default.</param>
    /// <param name="suffix">Tells apart several snapshots of one spec; null for none.</param>
    /// <param name="testName"><c>SpecClass.TestMethod</c>; null to take it from NUnit's test context.</param>
    /// <param name="sourceFilePath">Filled in by the compiler.</param>
    public static void VerifyObject<T>(
        T value,
        NumberTolerance tolerance = default,
        string? suffix = null,
        string? testName = null,
        [CallerFilePath] string sourceFilePath = "") =>
        SnapshotStore.BesideSource(sourceFilePath).VerifyObject(value, tolerance, suffix, testName);
}
