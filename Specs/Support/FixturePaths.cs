using System.Runtime.CompilerServices;

namespace XaiReference.Specs.Support;

/// <summary>Paths into the repository's committed <c>fixtures/</c> folder, found from this source file.</summary>
public static class FixturePaths
{
    /// <summary>The repository's <c>fixtures</c> folder.</summary>
    public static string Root { get; } = Path.GetFullPath(Path.Combine(ThisFolder(), "..", "..", "fixtures"));

    /// <summary>A path under <c>fixtures/</c>, e.g. <c>Of("checkpoints", "tiny.safetensors")</c>.</summary>
    /// <param name="parts">Folder and file names below <c>fixtures/</c>.</param>
    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string ThisFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
