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

    /// <summary>One CSV line, LF-terminated.</summary>
    public static string CsvLine(IEnumerable<string> escapedFields) => string.Join(",", escapedFields) + "\n";
}
