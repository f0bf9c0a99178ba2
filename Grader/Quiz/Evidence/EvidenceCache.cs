using System.Security.Cryptography;
using System.Text.Json;
using XaiReference.Grader.Reports;

namespace XaiReference.Grader.Quiz.Evidence;

/// <summary>
/// Keeps measured evidence on disk under the hash of everything it depends on (model file, pictures, masks,
/// settings and the version of the measuring code), so that a second derivation is instant and any changed
/// input is measured afresh.
/// </summary>
public sealed class EvidenceCache
{
    /// <summary>Bump when the measuring code changes what it measures: old entries are then ignored.</summary>
    public const string MeasurementVersion = "quiz-evidence-1";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>A cache in <paramref name="folder"/>, created on first write.</summary>
    public EvidenceCache(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = folder;
    }

    /// <summary>Where entries are kept.</summary>
    public string Folder { get; }

    /// <summary>
    /// The default folder: <c>XAI_REFERENCE_CACHE</c> if set, else <c>$XDG_CACHE_HOME/xai-reference</c>, else
    /// <c>~/.cache/xai-reference</c>.
    /// </summary>
    public static string DefaultFolder()
    {
        var configured = Environment.GetEnvironmentVariable("XAI_REFERENCE_CACHE");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrWhiteSpace(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "xai-reference");
    }

    /// <summary>The hash naming an entry: SHA-256 over the measurement version, settings and every input's bytes.</summary>
    public static string Key(EvidenceSettings settings, IEnumerable<byte[]> inputs)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(MeasurementVersion + JsonSerializer.Serialize(settings)));
        foreach (var input in inputs)
        {
            hash.AppendData(BitConverter.GetBytes(input.LongLength));
            hash.AppendData(input);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The cached evidence for <paramref name="key"/>, or null when there is none or it cannot be read.</summary>
    public QuizEvidence? TryRead(string key)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<QuizEvidence>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Stores the evidence under <paramref name="key"/> (atomically).</summary>
    public void Write(string key, QuizEvidence evidence)
    {
        Directory.CreateDirectory(Folder);
        AtomicFile.WriteAllText(PathOf(key), JsonSerializer.Serialize(evidence, Json));
    }

    /// <summary>The file an entry lives in.</summary>
    public string PathOf(string key) => Path.Combine(Folder, $"{key}.json");
}
