using System.Runtime.CompilerServices;

namespace XaiReference.Specs.Models.Bert;

/// <summary>Paths into the committed <c>fixtures/text/</c> folder, found from this source file.</summary>
internal static class BertFixtures
{
    public static string Text(params string[] parts) =>
        Path.GetFullPath(Path.Combine([ThisFolder(), "..", "..", "..", "fixtures", "text", .. parts]));

    private static string ThisFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
