using XaiReference.Export;
using XaiReference.Models.Bert;
using XaiReference.Text;

namespace XaiReference.Grader.Explain;

/// <summary>
/// <c>explain distances</c>: an ambiguous word's hidden state in each labelled sentence, at every layer, all
/// pairs compared. Writes the heatmaps per layer (<c>distances.cosine.png</c>, <c>distances.euclidean.png</c>),
/// the trend across layers (<c>distances.trend.png</c>), the matrices (<c>distances.euclidean.npy</c>,
/// <c>distances.cosine-similarity.npy</c>, <c>distances.cosine-distance.npy</c>, float64 [layers + 1, N, N],
/// layer 0 = embedding output) and the sentences and trend (<c>distances.json</c>, <c>distances.csv</c>).
/// </summary>
internal static class DistancesExplainer
{
    private static readonly string[] Columns =
    [
        "layer", "within_similarity", "across_similarity", "separation", "within_distance", "across_distance",
    ];

    public static string[] Run(PretrainedBert bert, TextKnobs knobs, string folder)
    {
        var set = TextExplainInputs.WordSet(knobs.Sentences, knobs.Word);
        for (var i = 0; i < set.Sentences.Count; i++)
        {
            // Checked here so that the message names the option; the analysis would name only the word.
            try
            {
                bert.Tokenizer.Encode(set.Sentences[i].Text).TokensOf(set.Word);
            }
            catch (ArgumentException)
            {
                throw new ArgumentException(
                    $"--word: the word '{set.Word}' is not in sentence {i + 1}, \"{set.Sentences[i].Text}\"");
            }
        }

        var analysis = AmbiguousWordAnalysis.Analyze(bert, set);

        var cosine = Path.Combine(folder, "distances.cosine.png");
        TextFigures.SaveDistanceMatrices(analysis, cosine, SimilarityMeasure.CosineSimilarity);
        var euclidean = Path.Combine(folder, "distances.euclidean.png");
        TextFigures.SaveDistanceMatrices(analysis, euclidean, SimilarityMeasure.Euclidean);
        var trend = Path.Combine(folder, "distances.trend.png");
        TextFigures.SaveSeparationTrend(analysis, trend);

        var distance = analysis.CosineSimilarity.Select(Complement).ToList();
        string[] arrays =
        [
            WriteMatrices(analysis.Euclidean, Path.Combine(folder, "distances.euclidean.npy")),
            WriteMatrices(analysis.CosineSimilarity, Path.Combine(folder, "distances.cosine-similarity.npy")),
            WriteMatrices(distance, Path.Combine(folder, "distances.cosine-distance.npy")),
        ];

        var json = TextFiles.WriteJson(folder, "distances.json", new
        {
            model = bert.Report.Source,
            set.Word,
            set.Sentences,
            trend = analysis.Trend.Select(t => new
            {
                t.Layer, t.WithinSimilarity, t.AcrossSimilarity, t.Separation, t.WithinDistance, t.AcrossDistance,
            }),
            mostSeparatingLayer = analysis.MostSeparating.Layer,
        });
        var csv = TextFiles.WriteCsv(folder, "distances.csv", Columns, analysis.Trend.Select(t => new object[]
        {
            t.Layer, t.WithinSimilarity, t.AcrossSimilarity, t.Separation, t.WithinDistance, t.AcrossDistance,
        }));
        return
        [
            TextFiles.Figure(cosine, knobs.Palette), TextFiles.Figure(euclidean, knobs.Palette),
            TextFiles.Figure(trend, knobs.Palette), .. arrays, json, csv,
        ];
    }

    // Cosine distance = 1 - cosine similarity, as EmbeddingDistances.CosineDistance computes it.
    private static double[,] Complement(double[,] similarity)
    {
        var n = similarity.GetLength(0);
        var result = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                result[i, j] = 1 - similarity[i, j];
            }
        }

        return result;
    }

    // [layers + 1, N, N] float64.
    private static string WriteMatrices(IReadOnlyList<double[,]> matrices, string path)
    {
        var n = matrices[0].GetLength(0);
        var values = matrices.SelectMany(m => m.Cast<double>()).ToArray();
        NpyWriter.Write<double>(path, values, matrices.Count, n, n);
        return path;
    }
}
