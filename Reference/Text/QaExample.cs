using System.Text.Json;

namespace XaiReference.Text;

/// <summary>An extractive question-answering example: the answer is a span of the context.</summary>
/// <param name="Question">The question (the first text of the pair).</param>
/// <param name="Context">The passage that contains the answer (the second text).</param>
/// <param name="Answer">The answer, as written in the context.</param>
public sealed record QaExample(string Question, string Context, string Answer)
{
    /// <summary>Reads <c>{"examples": [{"question", "context", "answer"}, ...]}</c>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <returns>The examples.</returns>
    /// <exception cref="InvalidDataException">A field is missing, or an answer is not in its context.</exception>
    public static IReadOnlyList<QaExample> ListFromJson(string json, string source = "qa-examples.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        List<QaExample> examples;
        try
        {
            using var document = JsonDocument.Parse(json);
            examples = document.RootElement.GetProperty("examples").EnumerateArray()
                .Select(e => new QaExample(
                    e.GetProperty("question").GetString() ?? string.Empty,
                    e.GetProperty("context").GetString() ?? string.Empty,
                    e.GetProperty("answer").GetString() ?? string.Empty))
                .ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{source} is not a list of QA examples: {e.Message}", e);
        }

        foreach (var example in examples.Where(e => !e.Context.Contains(e.Answer, StringComparison.Ordinal)))
        {
            throw new InvalidDataException(
                $"{source}: the answer \"{example.Answer}\" is not in its context \"{example.Context}\".");
        }

        return examples;
    }
}
