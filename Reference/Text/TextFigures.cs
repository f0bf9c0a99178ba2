using ScottPlot;

namespace XaiReference.Text;

/// <summary>
/// PNG figures of Part 2, drawn with ScottPlot: attention maps (a layer x head grid and a single labelled
/// head), the PCA panels of a question/context pair, and the distance matrices of an ambiguous word with their
/// trend across layers.
/// </summary>
public static class TextFigures
{
    private static readonly Color QuestionColour = Color.FromHex("#1f77b4");
    private static readonly Color ContextColour = Color.FromHex("#9a9a9a");
    private static readonly Color AnswerColour = Color.FromHex("#d62728");
    private static readonly Color SpecialColour = Color.FromHex("#2ca02c");

    // White for 0 up to dark blue for 1 (ScottPlot's Blues runs the other way).
    private static readonly IColormap AttentionColours = new ScottPlot.Colormaps.Blues().Reversed();

    /// <summary>
    /// Every head's map in one picture: one row per layer, one column per head, rows of each map = queries
    /// (top = first token), columns = keys, white = 0 to dark blue = 1.
    /// </summary>
    /// <param name="maps">The maps of one input.</param>
    /// <param name="path">The PNG file to write.</param>
    /// <param name="cellSize">Side of one map's panel in pixels; 150 by default.</param>
    public static void SaveAttentionGrid(AttentionMaps maps, string path, int cellSize = 150)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(cellSize, 60);

        var multiplot = new Multiplot();
        multiplot.AddPlots(maps.LayerCount * maps.HeadCount);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(maps.LayerCount, maps.HeadCount);
        for (var layer = 0; layer < maps.LayerCount; layer++)
        {
            for (var head = 0; head < maps.HeadCount; head++)
            {
                var plot = multiplot.GetPlot(layer * maps.HeadCount + head);
                AddMatrix(plot, maps.Map(layer, head), AttentionColours, new ScottPlot.Range(0, 1));
                plot.Title($"layer {layer + 1} head {head + 1}", size: 11);
                plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
                plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
                plot.Layout.Fixed(new PixelPadding(4, 4, 4, 30));
            }
        }

        multiplot.SavePng(path, maps.HeadCount * cellSize, maps.LayerCount * (cellSize + 10));
    }

    /// <summary>One head's map with the tokens written along both axes and a colour bar.</summary>
    /// <param name="maps">The maps of one input.</param>
    /// <param name="layer">0-based layer.</param>
    /// <param name="head">0-based head.</param>
    /// <param name="path">The PNG file to write.</param>
    public static void SaveAttentionHead(AttentionMaps maps, int layer, int head, string path)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegative(layer);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(layer, maps.LayerCount);
        ArgumentOutOfRangeException.ThrowIfNegative(head);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(head, maps.HeadCount);

        var plot = new Plot();
        var heatmap = AddMatrix(plot, maps.Map(layer, head), AttentionColours, new ScottPlot.Range(0, 1));
        LabelCells(plot, maps.Tokens, maps.Tokens, rotate: true);
        plot.Add.ColorBar(heatmap);
        plot.Title($"Attention of layer {layer + 1}, head {head + 1}");
        plot.XLabel("attended token (key)");
        plot.YLabel("attending token (query)");
        var side = 360 + 24 * maps.Tokens.Count;
        plot.SavePng(path, side + 120, side);
    }

    /// <summary>
    /// One scatter panel per layer of the 2-D PCA of every token, coloured as question, context, answer or
    /// [CLS]/[SEP], with the token written beside each point, and a last panel with the distances per layer.
    /// </summary>
    /// <param name="projection">The analysed example.</param>
    /// <param name="path">The PNG file to write.</param>
    public static void SaveProjection(EmbeddingProjection projection, string path)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentException.ThrowIfNullOrEmpty(path);

        var panels = projection.Layers.Count + 1;
        var columns = Math.Min(4, panels);
        var rows = (panels + columns - 1) / columns;
        var multiplot = new Multiplot();
        multiplot.AddPlots(panels);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);

        for (var layer = 0; layer < projection.Layers.Count; layer++)
        {
            var plot = multiplot.GetPlot(layer);
            var pca = projection.Layers[layer];
            foreach (var (role, colour) in RoleColours())
            {
                var indices = Enumerable.Range(0, projection.Roles.Count)
                    .Where(i => projection.Roles[i] == role)
                    .ToList();
                if (indices.Count == 0)
                {
                    continue;
                }

                var points = plot.Add.ScatterPoints(
                    indices.Select(i => pca.Projected[i, 0]).ToArray(),
                    indices.Select(i => pca.Projected[i, 1]).ToArray(),
                    colour);
                points.MarkerSize = 9;
                points.LegendText = role.ToString();
                foreach (var i in indices)
                {
                    var label = plot.Add.Text(projection.Encoding.Tokens[i], pca.Projected[i, 0], pca.Projected[i, 1]);
                    label.LabelFontSize = 10;
                    label.LabelFontColor = colour;
                    label.LabelOffsetX = 5;
                }
            }

            plot.Title(layer == 0 ? "embeddings (layer 0)" : $"layer {layer}", size: 14);
            plot.XLabel($"PC1 ({pca.ExplainedVarianceRatio[0]:P0})", size: 11);
            plot.YLabel($"PC2 ({pca.ExplainedVarianceRatio[1]:P0})", size: 11);
            if (layer == 0)
            {
                plot.ShowLegend(Alignment.UpperRight);
            }
            else
            {
                plot.HideLegend();
            }
        }

        var trend = multiplot.GetPlot(projection.Layers.Count);
        var layers = projection.Distances.Select(d => (double)d.Layer).ToArray();
        var toQuestion = trend.Add.Scatter(
            layers, projection.Distances.Select(d => d.AnswerToQuestion).ToArray(), QuestionColour);
        toQuestion.LegendText = "answer - question";
        var toContext = trend.Add.Scatter(
            layers, projection.Distances.Select(d => d.AnswerToContext).ToArray(), ContextColour);
        toContext.LegendText = "answer - other context";
        trend.Title("mean distance of answer tokens", size: 14);
        IntegerTicks(trend, layers);
        trend.XLabel("layer", size: 11);
        trend.YLabel("Euclidean distance (full space)", size: 11);
        trend.ShowLegend(Alignment.UpperLeft);

        multiplot.SavePng(path, columns * 520, rows * 470);
    }

    /// <summary>
    /// The ambiguous word's similarity (or distance) matrix at every layer, sentences labelled by meaning and
    /// number, and a last panel with the mean over same-meaning and over different-meaning pairs per layer.
    /// </summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="path">The PNG file to write.</param>
    /// <param name="measure">Cosine similarity (default) or Euclidean distance.</param>
    public static void SaveDistanceMatrices(
        AmbiguousWordAnalysis analysis,
        string path,
        SimilarityMeasure measure = SimilarityMeasure.CosineSimilarity)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentException.ThrowIfNullOrEmpty(path);

        var cosine = measure == SimilarityMeasure.CosineSimilarity;
        var matrices = cosine ? analysis.CosineSimilarity : analysis.Euclidean;
        var name = cosine ? "cosine similarity" : "Euclidean distance";
        var panels = matrices.Count + 1;
        var columns = Math.Min(4, panels);
        var rows = (panels + columns - 1) / columns;
        var multiplot = new Multiplot();
        multiplot.AddPlots(panels);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        var labels = analysis.Set.Sentences.Select((s, i) => $"{s.Meaning} {i + 1}").ToList();
        var shortLabels = analysis.Set.Sentences.Select((s, i) => $"{s.Meaning[..1]}{i + 1}").ToList();

        for (var layer = 0; layer < matrices.Count; layer++)
        {
            var plot = multiplot.GetPlot(layer);
            var heatmap = AddMatrix(plot, matrices[layer], new ScottPlot.Colormaps.Viridis(), null);
            LabelCells(plot, labels, shortLabels, rotate: false);
            plot.Add.ColorBar(heatmap);
            plot.Title(layer == 0 ? $"embeddings (layer 0): {name}" : $"layer {layer}: {name}", size: 14);
        }

        var trend = multiplot.GetPlot(matrices.Count);
        var x = analysis.Trend.Select(t => (double)t.Layer).ToArray();
        var within = trend.Add.Scatter(
            x, analysis.Trend.Select(t => cosine ? t.WithinSimilarity : t.WithinDistance).ToArray(), QuestionColour);
        within.LegendText = "same meaning";
        var across = trend.Add.Scatter(
            x, analysis.Trend.Select(t => cosine ? t.AcrossSimilarity : t.AcrossDistance).ToArray(), AnswerColour);
        across.LegendText = "different meaning";
        trend.Title($"'{analysis.Set.Word}': mean {name} per layer", size: 14);
        IntegerTicks(trend, x);
        trend.XLabel("layer", size: 11);
        trend.YLabel(name, size: 11);
        trend.ShowLegend(cosine ? Alignment.LowerLeft : Alignment.UpperLeft);

        multiplot.SavePng(path, columns * 560, rows * 520);
    }

    /// <summary>
    /// The ambiguous word's trend across layers on its own: mean cosine similarity (left) and mean Euclidean
    /// distance (right) over same-meaning and over different-meaning pairs of sentences.
    /// </summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="path">The PNG file to write.</param>
    public static void SaveSeparationTrend(AmbiguousWordAnalysis analysis, string path)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentException.ThrowIfNullOrEmpty(path);

        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(1, 2);
        var x = analysis.Trend.Select(t => (double)t.Layer).ToArray();
        foreach (var (index, cosine) in new[] { (0, true), (1, false) })
        {
            var plot = multiplot.GetPlot(index);
            var name = cosine ? "cosine similarity" : "Euclidean distance";
            var withinValues = analysis.Trend.Select(t => cosine ? t.WithinSimilarity : t.WithinDistance).ToArray();
            var within = plot.Add.Scatter(x, withinValues, QuestionColour);
            within.LegendText = "same meaning";
            var acrossValues = analysis.Trend.Select(t => cosine ? t.AcrossSimilarity : t.AcrossDistance).ToArray();
            var across = plot.Add.Scatter(x, acrossValues, AnswerColour);
            across.LegendText = "different meaning";
            plot.Title($"'{analysis.Set.Word}': mean {name}", size: 13);
            IntegerTicks(plot, x);
            plot.XLabel("layer (0 = embeddings)", size: 11);
            plot.YLabel(name, size: 11);
            plot.ShowLegend(cosine ? Alignment.LowerLeft : Alignment.UpperLeft);
        }

        multiplot.SavePng(path, 900, 380);
    }

    private static IEnumerable<(TokenRole Role, Color Colour)> RoleColours() =>
    [
        (TokenRole.Context, ContextColour), (TokenRole.Question, QuestionColour),
        (TokenRole.Answer, AnswerColour), (TokenRole.Special, SpecialColour),
    ];

    // Draws matrix[row, column] as an image: row 0 at the top, column 0 at the left, cell (r, c) centred on
    // x = c, y = rows - 1 - r (ScottPlot puts the first row of a heatmap at the top of its rectangle).
    private static ScottPlot.Plottables.Heatmap AddMatrix(
        Plot plot,
        double[,] matrix,
        IColormap colormap,
        ScottPlot.Range? range)
    {
        var (rows, columns) = (matrix.GetLength(0), matrix.GetLength(1));
        var heatmap = plot.Add.Heatmap(matrix);
        heatmap.Colormap = colormap;
        heatmap.ManualRange = range;
        plot.Axes.SetLimits(-0.5, columns - 0.5, -0.5, rows - 0.5);
        plot.HideGrid();
        return heatmap;
    }

    private static void LabelCells(
        Plot plot,
        IReadOnlyList<string> rowLabels,
        IReadOnlyList<string> columnLabels,
        bool rotate)
    {
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, columnLabels.Count).Select(i => (double)i).ToArray(), columnLabels.ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, rowLabels.Count).Select(i => (double)(rowLabels.Count - 1 - i)).ToArray(),
            rowLabels.ToArray());
        if (rotate)
        {
            // Rotated labels are not measured by the automatic layout: reserve room for the longest one.
            plot.Axes.Bottom.TickLabelStyle.Rotation = -90;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = 30 + 8 * columnLabels.Max(l => l.Length);
        }
    }

    private static void IntegerTicks(Plot plot, IEnumerable<double> values) =>
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            values.ToArray(),
            values.Select(v => v.ToString("0", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
}
