using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using XaiReference.Figures;

namespace XaiReference.Grader.Explain;

/// <summary>How the text methods write their tables and figures: indented camelCase JSON, CSV, palette PNGs.</summary>
internal static class TextFiles
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes a value as indented JSON (NaN written as "NaN"); returns the path.</summary>
    public static string WriteJson<T>(string folder, string name, T value)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, JsonSerializer.Serialize(value, Json) + "\n", new UTF8Encoding(false));
        return path;
    }

    /// <summary>Writes a header and rows as CSV; numbers round-trip, text is quoted when it must be.</summary>
    public static string WriteCsv(string folder, string name, IReadOnlyList<string> header, IEnumerable<object[]> rows)
    {
        var path = Path.Combine(folder, name);
        var text = new StringBuilder().AppendLine(string.Join(",", header));
        foreach (var row in rows)
        {
            text.AppendLine(string.Join(",", row.Select(Cell)));
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return path;
    }

    /// <summary>Re-encodes a written PNG as a 256-colour palette PNG when asked; returns the path.</summary>
    public static string Figure(string path, bool palette)
    {
        if (palette)
        {
            File.WriteAllBytes(path, FigurePng.ToPalette(File.ReadAllBytes(path)));
        }

        return path;
    }

    private static string Cell(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(value.ToString() ?? string.Empty),
    };

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0
            ? text
            : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
