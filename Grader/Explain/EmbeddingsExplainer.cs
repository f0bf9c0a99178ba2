using System.Globalization;
using XaiReference.Export;
using XaiReference.Models.Bert;
using XaiReference.Text;

namespace XaiReference.Grader.Explain;

/// <summary>
/// <c>explain embeddings</c>: each embedded question/context/answer example through the model, every token's
/// hidden state projected to 2-D by PCA at every layer. Per example n (from 0): the figure with a panel per
/// layer and the distance trend (<c>embeddings.n.png</c>) and the coordinates (<c>embeddings.n.npy</c>,
/// float64 [layers + 1, T, 2], layer 0 = embedding output); for all examples the tokens, roles, explained
/// variances and answer distances (<c>embeddings.json</c>) and the distances per layer (<c>embeddings.csv</c>).
/// </summary>
internal static class EmbeddingsExplainer
{
    private static readonly string[] Columns =
    [
        "example", "layer", "answer_to_question", "answer_to_context", "projected_answer_to_question",
        "projected_answer_to_context", "pc1_variance_ratio", "pc2_variance_ratio",
    ];

    public static string[] Run(PretrainedBert bert, TextKnobs knobs, string folder)
    {
        var projections = TextExplainInputs.QaExamples().Select(e => EmbeddingProjection.Analyze(bert, e)).ToList();

        var figures = new List<string>();
        var arrays = new List<string>();
        for (var n = 0; n < projections.Count; n++)
        {
            var stem = Path.Combine(folder, $"embeddings.{n.ToString(CultureInfo.InvariantCulture)}");
            TextFigures.SaveProjection(projections[n], stem + ".png");
            figures.Add(TextFiles.Figure(stem + ".png", knobs.Palette));
            arrays.Add(WriteProjected(projections[n], stem + ".npy"));
        }

        var json = TextFiles.WriteJson(folder, "embeddings.json", new
        {
            model = bert.Report.Source,
            examples = projections.Select(p => new
            {
                p.Example.Question,
                p.Example.Context,
                p.Example.Answer,
                tokens = p.Encoding.Tokens,
                roles = p.Roles,
                layers = p.Layers.Zip(p.Distances, (pca, d) => new
                {
                    d.Layer,
                    explainedVarianceRatio = pca.ExplainedVarianceRatio,
                    d.AnswerToQuestion,
                    d.AnswerToContext,
                    d.ProjectedAnswerToQuestion,
                    d.ProjectedAnswerToContext,
                }),
            }),
        });
        var csv = TextFiles.WriteCsv(folder, "embeddings.csv", Columns, projections.SelectMany((p, n) =>
            p.Layers.Zip(p.Distances, (pca, d) => new object[]
            {
                n, d.Layer, d.AnswerToQuestion, d.AnswerToContext, d.ProjectedAnswerToQuestion,
                d.ProjectedAnswerToContext, pca.ExplainedVarianceRatio[0], pca.ExplainedVarianceRatio[1],
            })));
        return [.. figures, .. arrays, json, csv];
    }

    // [layers + 1, T, 2] float64, as PrincipalComponents computed them.
    private static string WriteProjected(EmbeddingProjection projection, string path)
    {
        var tokens = projection.Encoding.Count;
        var values = projection.Layers
            .SelectMany(pca => Enumerable.Range(0, tokens)
                .SelectMany(t => new[] { pca.Projected[t, 0], pca.Projected[t, 1] }))
            .ToArray();
        NpyWriter.Write<double>(path, values, projection.Layers.Count, tokens, 2);
        return path;
    }
}
