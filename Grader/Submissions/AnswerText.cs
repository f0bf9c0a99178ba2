using System.Globalization;
using System.Text.RegularExpressions;

namespace XaiReference.Grader.Submissions;

/// <summary>How answers and question labels are written in submissions.</summary>
public static partial class AnswerText
{
    private static readonly char[] Separators = [';', ',', '|', ' ', '\t', '\r', '\n'];

    /// <summary>
    /// The letters chosen in <paramref name="text"/>: separated by <c>;</c>, <c>,</c>, <c>|</c> or white space
    /// (<c>"A"</c>, <c>"A;C"</c>, <c>"a, c"</c>), upper-cased, sorted and without repeats. Empty when nothing was
    /// chosen. A token that is not a single letter is kept as written (upper-cased), to be reported when graded.
    /// </summary>
    public static IReadOnlyList<string> ParseLetters(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        return text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToUpperInvariant())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The question number a label names: <c>1</c>, <c>Q1</c>, <c>q01</c>, <c>Question 1</c>, <c>Q_1</c>; null for
    /// anything else.
    /// </summary>
    public static int? ParseQuestionLabel(string? label)
    {
        if (label is null)
            return null;
        var match = QuestionLabel().Match(label);
        if (!match.Success)
            return null;
        return int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : null;
    }

    /// <summary>
    /// A timestamp in ISO 8601 or another form .NET reads in the invariant culture; without an offset it is taken
    /// as UTC. Null when it cannot be read.
    /// </summary>
    public static DateTimeOffset? ParseTimestamp(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var trimmed = text.Trim();
        if (trimmed.EndsWith(" GMT", StringComparison.OrdinalIgnoreCase) ||
            trimmed.EndsWith(" UTC", StringComparison.OrdinalIgnoreCase))
            trimmed = trimmed[..^4];
        return DateTimeOffset.TryParse(
            trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : null;
    }

    [GeneratedRegex(
        @"^\s*(?:q(?:uestion)?[\s_#.-]*)?0*(\d{1,4})\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionLabel();
}
