using XaiReference.Export;
using XaiReference.Models.Bert;
using XaiReference.Text;

namespace XaiReference.Grader.Explain;

/// <summary>
/// <c>explain attention</c>: one sentence through the model; writes the layer x head grid
/// (<c>attention.png</c>), the offline viewer (<c>attention.html</c>), the maps (<c>attention.npy</c>, float32
/// [layers, heads, T, T], rows = queries), the tokens, head functions and coreference ranking
/// (<c>attention.json</c>), the head functions as CSV (<c>attention.heads.csv</c>) and, when a pronoun and its
/// noun are known, the strongest coreference head (<c>attention.coreference.png</c>).
/// </summary>
internal static class AttentionExplainer
{
    // How many heads of the coreference ranking the JSON lists.
    private const int RankedHeads = 10;

    private static readonly string[] HeadColumns =
        ["layer", "head", "previous", "same", "next", "cls", "sep", "period", "strongest"];

    public static string[] Run(PretrainedBert bert, TextKnobs knobs, string folder)
    {
        var text = knobs.Text ?? TextExplainInputs.DefaultSentence;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"--text: expected a sentence, got '{text}'");
        }

        var (pronoun, noun) = knobs.Text is null
            ? (knobs.Pronoun ?? TextExplainInputs.DefaultPronoun, knobs.Noun ?? TextExplainInputs.DefaultNoun)
            : (knobs.Pronoun, knobs.Noun);

        // Find the words before the forward pass, so that a missing one fails at once.
        var encoding = bert.Tokenizer.Encode(text);
        var linked = pronoun is not null && noun is not null;

        // The pronoun's first word piece is the query (pronouns are whole words in a BERT vocabulary).
        var pronounToken = linked ? Find(encoding, pronoun!, "--pronoun")[0] : -1;
        var nounTokens = linked ? Find(encoding, noun!, "--noun") : [];

        var (maps, _) = AttentionMaps.Of(bert, text);
        var functions = AttentionHeadFunctions.Measure(maps);
        var ranking = linked ? AttentionHeadFunctions.RankCoreferenceHeads(maps, pronounToken, nounTokens) : null;

        var files = new List<string>();
        var grid = Path.Combine(folder, "attention.png");
        TextFigures.SaveAttentionGrid(maps, grid);
        files.Add(TextFiles.Figure(grid, knobs.Palette));

        var page = Path.Combine(folder, "attention.html");
        AttentionViewer.Save(maps, page, $"Attention: {text}");
        files.Add(page);
        files.Add(WriteMaps(maps, Path.Combine(folder, "attention.npy")));

        files.Add(TextFiles.WriteJson(folder, "attention.json", new
        {
            text,
            model = bert.Report.Source,
            tokens = maps.Tokens,
            warnings = encoding.Warnings,
            layerCount = maps.LayerCount,
            headCount = maps.HeadCount,
            headFunctions = functions.Select(f => new
            {
                f.Layer, f.Head, f.Previous, f.Same, f.Next, f.Cls, f.Sep, f.Period, strongest = f.Strongest.Name,
            }),
            coreference = ranking is null ? null : new
            {
                pronoun,
                noun,
                pronounToken,
                nounTokens,
                strongestHeads = ranking.Take(RankedHeads),
            },
        }));
        files.Add(TextFiles.WriteCsv(folder, "attention.heads.csv", HeadColumns, functions.Select(f => new object[]
        {
            f.Layer, f.Head, f.Previous, f.Same, f.Next, f.Cls, f.Sep, f.Period, f.Strongest.Name,
        })));

        if (ranking is not null)
        {
            var head = Path.Combine(folder, "attention.coreference.png");
            TextFigures.SaveAttentionHead(maps, ranking[0].Layer, ranking[0].Head, head);
            files.Add(TextFiles.Figure(head, knobs.Palette));
        }

        return [.. files];
    }

    private static IReadOnlyList<int> Find(BertEncoding encoding, string word, string option)
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            throw new ArgumentException($"{option}: expected a word, got '{word}'");
        }

        try
        {
            return encoding.TokensOf(word.Trim());
        }
        catch (ArgumentException)
        {
            throw new ArgumentException($"{option}: the word '{word}' is not in \"{encoding.Text}\"");
        }
    }

    // [layers, heads, T, T] float32: the maps came out of the model as float32, so nothing is lost.
    private static string WriteMaps(AttentionMaps maps, string path)
    {
        var t = maps.Tokens.Count;
        var values = new float[maps.LayerCount * maps.HeadCount * t * t];
        var i = 0;
        for (var layer = 0; layer < maps.LayerCount; layer++)
        {
            for (var head = 0; head < maps.HeadCount; head++)
            {
                for (var from = 0; from < t; from++)
                {
                    for (var to = 0; to < t; to++)
                    {
                        values[i++] = (float)maps.Weight(layer, head, from, to);
                    }
                }
            }
        }

        NpyWriter.Write<float>(path, values, maps.LayerCount, maps.HeadCount, t, t);
        return path;
    }
}
