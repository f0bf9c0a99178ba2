using System.Text.Json;
using System.Text.Json.Serialization;

namespace XaiReference.Grader.Quiz;

/// <summary>
/// Reads and writes a <see cref="QuizKey"/> as JSON that course staff can also write by hand:
/// <code>
/// { "title": "XAI quiz",
///   "questions": [
///     { "number": 1, "section": "LIME", "points": 0.3, "prompt": "What do the green regions show?",
///       "select": "single",
///       "options": [ { "letter": "A", "text": "Evidence for the class" }, { "letter": "B", "text": "..." } ],
///       "correct": [ "A" ],
///       "derivation": "optional: why A" } ] }
/// </code>
/// Property names are camelCase and matched without regard to case; <c>select</c> is <c>single</c> or
/// <c>multiple</c>; <c>derivation</c> may be left out. Comments and trailing commas are allowed.
/// </summary>
public static class QuizKeyJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
    };

    /// <summary>Writes <paramref name="key"/> as indented JSON with LF line ends (the same text every time).</summary>
    public static string Serialize(QuizKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return JsonSerializer.Serialize(key, Options) + "\n";
    }

    /// <summary>Reads and validates a key from JSON text.</summary>
    /// <param name="json">The key as JSON.</param>
    /// <param name="source">Where the text came from, named in error messages.</param>
    /// <exception cref="QuizKeyException">
    /// The JSON is malformed, lacks a required field or fails validation.
    /// </exception>
    public static QuizKey Parse(string json, string source = "the key")
    {
        ArgumentNullException.ThrowIfNull(json);
        QuizKey? key;
        try
        {
            key = JsonSerializer.Deserialize<QuizKey>(json, Options);
        }
        catch (JsonException e)
        {
            throw new QuizKeyException($"{source} is not a readable quiz key: {e.Message}", e);
        }

        if (key is null)
            throw new QuizKeyException($"{source} is not a readable quiz key: expected an object, got null");
        try
        {
            return key.Validate();
        }
        catch (QuizKeyException e)
        {
            throw new QuizKeyException($"{source}: {e.Message}", e);
        }
    }

    /// <summary>Reads and validates a key file.</summary>
    /// <exception cref="QuizKeyException">The file is missing, malformed or fails validation.</exception>
    public static QuizKey Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new QuizKeyException($"key: expected a key file at '{path}', found none");
        return Parse(File.ReadAllText(path), path);
    }
}
