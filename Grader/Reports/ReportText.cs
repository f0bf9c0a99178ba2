using System.Globalization;

namespace XaiReference.Grader.Reports;

/// <summary>Formatting the reports share: numbers in the invariant culture, CSV fields quoted as needed.</summary>
public static class ReportText
{
    /// <summary>Points with up to four decimals and no trailing zeros: <c>7.6</c>, <c>0.1333</c>, <c>10</c>.</summary>
    public static string Points(decimal points) => points.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A statistic with three decimals, or empty when there is none.</summary>
    public static string Statistic(double? value) =>
        value is { } v && !double.IsNaN(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "";

    /// <summary>
    /// A CSV field: quoted when it holds a comma, quote, line break or surrounding space; and, for text that came from
    /// students, prefixed with an apostrophe when it starts like a spreadsheet formula (= + - @), so opening the
    /// gradebook in a spreadsheet cannot run it.
    /// </summary>
    public static string CsvField(string? value, bool fromStudent = false)
    {
        value ??= "";
        if (fromStudent && value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        var quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value.Trim().Length != value.Length;
        return quote ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>Question numbers with runs shortened: 1, 3, 4, 5, 9 reads <c>1, 3-5, 9</c>.</summary>
    public static string Ranges(IEnumerable<int> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var sorted = numbers.Distinct().Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count; i++)
        {
            var start = sorted[i];
            while (i + 1 < sorted.Count && sorted[i + 1] == sorted[i] + 1)
                i++;
            var first = start.ToString(CultureInfo.InvariantCulture);
            parts.Add(sorted[i] == start ? first
                : sorted[i] == start + 1 ? $"{first}, {sorted[i].ToString(CultureInfo.InvariantCulture)}"
                : $"{first}-{sorted[i].ToString(CultureInfo.InvariantCulture)}");
        }

        return string.Join(", ", parts);
    }

    /// <summary>One CSV line, LF-terminated.</summary>
    public static string CsvLine(IEnumerable<string> escapedFields) => string.Join(",", escapedFields) + "\n";
}
