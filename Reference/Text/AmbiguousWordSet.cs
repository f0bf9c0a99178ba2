using System.Text.Json;

namespace XaiReference.Text;

/// <summary>Sentences that all contain one ambiguous word, each labelled with the meaning the word has there.</summary>
/// <param name="Word">The word, as the tokenizer splits it (e.g. "apple").</param>
/// <param name="Sentences">At least two sentences.</param>
public sealed record AmbiguousWordSet(string Word, IReadOnlyList<LabelledSentence> Sentences)
{
    /// <summary>
    /// Reads <c>{"word": "apple", "sentences": [{"text": "...", "meaning": "fruit"}, ...]}</c>.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <returns>The set.</returns>
    /// <exception cref="InvalidDataException">A field is missing or has the wrong type, or there are fewer than two
    /// sentences.</exception>
    public static AmbiguousWordSet FromJson(string json, string source = "sentences.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var word = root.GetProperty("word").GetString()
                ?? throw new InvalidDataException($"{source}: \"word\" is null.");
            var sentences = root.GetProperty("sentences").EnumerateArray()
                .Select(s => new LabelledSentence(
                    s.GetProperty("text").GetString() ?? string.Empty,
                    s.GetProperty("meaning").GetString() ?? string.Empty))
                .ToList();
            if (sentences.Count < 2)
            {
                throw new InvalidDataException($"{source}: expected at least two sentences, got {sentences.Count}.");
            }

            return new AmbiguousWordSet(word, sentences);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{source} is not a word set ({{\"word\", \"sentences\": [{{\"text\", "
                + $"\"meaning\"}}]}}): {e.Message}", e);
        }
    }
}
