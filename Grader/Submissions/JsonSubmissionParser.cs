using System.Globalization;
using System.Text.Json;

namespace XaiReference.Grader.Submissions;

/// <summary>
/// Reads one submission from a JSON object, or several from an array of them:
/// <code>
/// { "student": "s1234567", "name": "Ada Lovelace", "submittedAt": "2025-03-14T09:26:53Z",
///   "answers": { "1": "A", "2": "A;C", "Q3": ["B", "D"] } }
/// </code>
/// Field names are matched without regard to case, and <c>studentId</c>/<c>student_id</c>/<c>id</c> and
/// <c>submitted_at</c>/<c>timestamp</c> are accepted too. A lone object without a student id takes the file's name.
/// </summary>
internal static class JsonSubmissionParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 16,
    };

    public static void Parse(string text, string source, string fileStem, SubmissionBatchBuilder batch)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, DocumentOptions);
        }
        catch (JsonException e)
        {
            batch.Fail(source, null, $"the file is not valid JSON: {e.Message}");
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                ParseObject(root, source, fileStem, batch);
                return;
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                batch.Fail(source, null, $"expected a JSON object (or an array of them), got {Describe(root)}");
                return;
            }

            var index = 0;
            foreach (var item in root.EnumerateArray())
            {
                var where = $"{source}[{index.ToString(CultureInfo.InvariantCulture)}]";
                if (item.ValueKind == JsonValueKind.Object)
                    ParseObject(item, where, fallbackId: null, batch);
                else
                    batch.Fail(where, null, $"expected a JSON object, got {Describe(item)}");
                index++;
            }

            if (index == 0)
                batch.Fail(source, null, "the file holds an empty array: no submissions");
        }
    }

    private static void ParseObject(
        JsonElement element,
        string source,
        string? fallbackId,
        SubmissionBatchBuilder batch)
    {
        var warnings = new List<string>();
        string? id = null, name = null, time = null;
        JsonElement? answers = null;

        // The fields: known ones by name, anything else reported and skipped.
        foreach (var property in element.EnumerateObject())
        {
            var key = property.Name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
            switch (key)
            {
                case "student" or "studentid" or "id":
                    id = ReadString(property, warnings);
                    break;
                case "name":
                    name = ReadString(property, warnings);
                    break;
                case "submittedat" or "timestamp":
                    time = ReadString(property, warnings);
                    break;
                case "answers":
                    answers = property.Value;
                    break;
                default:
                    warnings.Add($"field '{property.Name}' is not part of a submission; ignored");
                    break;
            }
        }

        id = id?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            if (fallbackId is null)
            {
                batch.Fail(source, null, "expected a 'student' field with the student's id, got none");
                return;
            }

            id = fallbackId;
            warnings.Add($"no 'student' field; the file name '{fallbackId}' is taken as the student id");
        }

        DateTimeOffset? submittedAt = null;
        if (!string.IsNullOrWhiteSpace(time))
        {
            submittedAt = AnswerText.ParseTimestamp(time);
            if (submittedAt is null)
                warnings.Add($"timestamp '{time}' could not be read; the order of files decides");
        }

        var parsed = new Dictionary<int, IReadOnlyList<string>>();
        if (answers is not { } a)
            warnings.Add("no 'answers' field: every question is unanswered");
        else if (a.ValueKind != JsonValueKind.Object)
            warnings.Add($"'answers' should be an object of question -> letters, got {Describe(a)}; none read");
        else
            ReadAnswers(a, parsed, warnings);

        batch.Add(id, string.IsNullOrWhiteSpace(name) ? null : name.Trim(), submittedAt, parsed, source, warnings);
    }

    private static void ReadAnswers(
        JsonElement answers,
        Dictionary<int, IReadOnlyList<string>> parsed,
        List<string> warnings)
    {
        foreach (var answer in answers.EnumerateObject())
        {
            if (AnswerText.ParseQuestionLabel(answer.Name) is not { } number)
            {
                warnings.Add($"answer label '{answer.Name}' names no question (expected like '1' or 'Q1'); ignored");
                continue;
            }

            IReadOnlyList<string>? letters = answer.Value.ValueKind switch
            {
                JsonValueKind.String => AnswerText.ParseLetters(answer.Value.GetString()),
                JsonValueKind.Null => [],
                JsonValueKind.Array when answer.Value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
                    AnswerText.ParseLetters(string.Join(";", answer.Value.EnumerateArray().Select(v => v.GetString()))),
                _ => null,
            };
            if (letters is null)
            {
                warnings.Add($"question {number}: expected letters like \"A;C\" or [\"A\",\"C\"], " +
                             $"got {Describe(answer.Value)}; taken as unanswered");
                continue;
            }

            if (parsed.ContainsKey(number))
                warnings.Add($"question {number} is answered twice; the later answer ('{answer.Name}') counts");
            if (letters.Count > 0)
                parsed[number] = letters;
            else
                parsed.Remove(number);
        }
    }

    private static string? ReadString(JsonProperty property, List<string> warnings)
    {
        switch (property.Value.ValueKind)
        {
            case JsonValueKind.String:
                return property.Value.GetString();
            case JsonValueKind.Number:
                return property.Value.GetRawText();
            case JsonValueKind.Null:
                return null;
            default:
                warnings.Add($"field '{property.Name}': expected text, got {Describe(property.Value)}; ignored");
                return null;
        }
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "text",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"{element.GetRawText()}",
        _ => "null",
    };
}
