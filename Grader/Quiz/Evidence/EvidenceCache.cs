using System.Security.Cryptography;
using System.Text.Json;
using XaiReference.Grader.Reports;

namespace XaiReference.Grader.Quiz.Evidence;

/// <summary>
/// Keeps measured evidence on disk under the hash of everything it depends on (model file, pictures, masks,
/// settings and the version of the measuring code), so that a second derivation is instant and any changed
/// input is measured afresh. The picture and the BERT measurements are kept apart: another BERT does not repeat
/// the minutes of picture measurements, and other picture settings do not repeat the BERT's.
/// </summary>
public sealed class EvidenceCache
{
    /// <summary>Bump when the measuring code changes what it measures: old entries are then ignored.</summary>
    public const string MeasurementVersion = "quiz-evidence-2";

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

    /// <summary>
    /// The hash naming the picture measurements: SHA-256 over the measurement version, the settings and every
    /// input's bytes (model file, pictures, labels, masks).
    /// </summary>
    /// <param name="settings">The method settings the measurements use.</param>
    /// <param name="inputs">The bytes they depend on, e.g. <see cref="QuizInputs.ImageFingerprint"/>.</param>
    public static string Key(EvidenceSettings settings, IEnumerable<byte[]> inputs) =>
        Hash("image " + JsonSerializer.Serialize(settings), inputs);

    /// <summary>
    /// The hash naming the BERT measurements: SHA-256 over the measurement version and the BERT's name and texts.
    /// They take no method settings, so changing those keeps them.
    /// </summary>
    /// <param name="inputs">The bytes they depend on, e.g. <see cref="QuizInputs.TextFingerprint"/>.</param>
    public static string TextKey(IEnumerable<byte[]> inputs) => Hash("text", inputs);

    /// <summary>The cached value for <paramref name="key"/>, or null when there is none or it cannot be read.</summary>
    /// <typeparam name="T">What was stored, e.g. <see cref="ImageEvidence"/>.</typeparam>
    public T? TryRead<T>(string key)
        where T : class
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Stores a value under <paramref name="key"/> (atomically).</summary>
    /// <typeparam name="T">What is stored, e.g. <see cref="ImageEvidence"/>.</typeparam>
    public void Write<T>(string key, T value)
    {
        Directory.CreateDirectory(Folder);
        AtomicFile.WriteAllText(PathOf(key), JsonSerializer.Serialize(value, Json));
    }

    /// <summary>The file an entry lives in.</summary>
    public string PathOf(string key) => Path.Combine(Folder, $"{key}.json");

    private static string Hash(string part, IEnumerable<byte[]> inputs)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{MeasurementVersion} {part}"));
        foreach (var input in inputs)
        {
            hash.AppendData(BitConverter.GetBytes(input.LongLength));
            hash.AppendData(input);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
