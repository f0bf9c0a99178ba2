using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace XaiReference.Text;

/// <summary>
/// Writes attention maps as one self-contained, interactive HTML page in the spirit of exBERT and bertviz:
/// the tokens in two columns joined by lines whose opacity is the attention weight, a layer selector, one
/// toggle (and colour) per head, a row of weights for the hovered token and a heatmap of one head. The page
/// needs nothing beyond itself: its CSS, its script and its data (as JSON) are inline, so it works offline.
/// </summary>
/// <remarks>
/// Layers and heads are 0-based on the page, as in <see cref="AttentionMaps.Weight"/>. Weights are embedded
/// rounded to <see cref="Decimals"/> decimals (an error of at most 5e-6), which keeps a 20-token page of six
/// layers of twelve heads near 250 kB.
/// </remarks>
public static class AttentionViewer
{
    /// <summary>Decimals kept for each embedded weight.</summary>
    public const int Decimals = 5;

    /// <summary>Builds the page.</summary>
    /// <param name="maps">The maps to show (any number of layers, heads and tokens).</param>
    /// <param name="title">Shown as the page's title and heading; any text, it is escaped.</param>
    /// <returns>The HTML document, UTF-8 text with no external reference.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="maps"/> or <paramref name="title"/> is null.</exception>
    public static string Render(AttentionMaps maps, string title)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(title);

        var data = new
        {
            title,
            tokens = maps.Tokens,
            layerCount = maps.LayerCount,
            headCount = maps.HeadCount,
            weights = Weights(maps),
        };

        return AttentionViewerPage.Template
            .Replace(AttentionViewerPage.TitleSlot, WebUtility.HtmlEncode(title), StringComparison.Ordinal)
            .Replace(AttentionViewerPage.DataSlot, ScriptSafeJson(data), StringComparison.Ordinal);
    }

    /// <summary>Builds the page and writes it to a file (UTF-8, no byte-order mark).</summary>
    /// <param name="maps">The maps to show.</param>
    /// <param name="path">The file to write; its folder must exist. An existing file is replaced.</param>
    /// <param name="title">The page's title; "Attention" by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="maps"/> or <paramref name="title"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or blank.</exception>
    public static void Save(AttentionMaps maps, string path, string title = "Attention")
    {
        ArgumentNullException.ThrowIfNull(maps);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException($"Expected a file path, got '{path}'.", nameof(path));
        }

        File.WriteAllText(path, Render(maps, title), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    // [layer][head] -> the T x T map flattened row by row (from-token major), rounded.
    private static double[][][] Weights(AttentionMaps maps)
    {
        var t = maps.Tokens.Count;
        return Enumerable.Range(0, maps.LayerCount).Select(layer =>
            Enumerable.Range(0, maps.HeadCount).Select(head =>
            {
                var flat = new double[t * t];
                for (var from = 0; from < t; from++)
                {
                    for (var to = 0; to < t; to++)
                    {
                        flat[from * t + to] = Math.Round(maps.Weight(layer, head, from, to), Decimals);
                    }
                }

                return flat;
            }).ToArray()).ToArray();
    }

    // JSON that may sit inside <script>: the encoder escapes the HTML-sensitive characters (<, >, &, ', `)
    // as \uXXXX; the replacements below hold even if that encoder's behaviour ever changes, because a
    // literal '<' can only occur inside a JSON string, where \u003C means the same character.
    private static string ScriptSafeJson(object data)
    {
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
        var json = JsonSerializer.Serialize(data, options);
        return json
            .Replace("<", "\\u003C", StringComparison.Ordinal)
            .Replace("\u2028", "\\u2028", StringComparison.Ordinal)
            .Replace("\u2029", "\\u2029", StringComparison.Ordinal);
    }
}
