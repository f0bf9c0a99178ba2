using SkiaSharp;
using XaiReference.Attribution;
using XaiReference.Fixtures;
using XaiReference.Imaging;
using static TorchSharp.torch;

namespace XaiReference.Figures;

/// <summary>
/// Figures in the course's layout: the N explained pictures in a row with captions, one or more rows of
/// explanations under them, and a title line naming the method and its settings. Rendered with the contact
/// sheet's drawing (SkiaSharp), whole pixels, no smoothing.
/// </summary>
/// <remarks>
/// Attribution maps are shown as the course's notebook shows them: matplotlib's <c>imshow</c> scales each
/// map from its own minimum to its own maximum, so every map is min-max normalised per picture before the
/// colour map (after whatever normalisation the variant applied itself, which this leaves unchanged when
/// the map already spans [0, 1]).
/// </remarks>
public static class MethodFigure
{
    private const float TitleSize = 16;
    private const float CaptionSize = 14;
    private const float RowNameSize = 12;

    /// <summary>The caption the figures put under a picture: its class and the class's name, e.g. "3: Egg".</summary>
    /// <param name="label">A food-11 class, 0 .. 10.</param>
    public static string Caption(int label) => $"{label}: {FoodClasses.NameOf(label)}";

    /// <summary>A row of maps in a colour map, each min-max normalised over its own pixels first.</summary>
    /// <param name="name">The row's name.</param>
    /// <param name="maps">[N, h, w] maps; not changed.</param>
    /// <param name="colorMap">The colour map; the course's saliency figures use <see cref="ColorMap.Hot"/>.</param>
    public static FigureRow MapRow(string name, Tensor maps, ColorMap colorMap = ColorMap.Hot)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(maps);
        if (maps.dim() != 3)
        {
            throw new ArgumentException(
                $"Expected maps shaped [N, h, w], got [{string.Join(", ", maps.shape)}].", nameof(maps));
        }

        using var scope = NewDisposeScope();

        // [N, h, w] -> per-picture [0, 1] -> N x [3, h, w] -> [N, 3, h, w].
        var scaled = AttributionMaps.MinMaxPerPicture(maps.detach().cpu().to(ScalarType.Float32));
        var cells = stack(Enumerable.Range(0, (int)maps.shape[0])
            .Select(n => ColorMaps.Apply(scaled[n], colorMap))
            .ToArray());
        return new FigureRow(name, cells.MoveToOuterDisposeScope());
    }

    /// <summary>A row of RGB pictures, optionally min-max normalised per picture over all three channels.</summary>
    /// <param name="name">The row's name.</param>
    /// <param name="pictures">[N, 3, h, w]; not changed.</param>
    /// <param name="normalise">Scale each picture to [0, 1] (the course's <c>normalize</c>); else clamp only.</param>
    public static FigureRow PictureRow(string name, Tensor pictures, bool normalise)
    {
        ArgumentNullException.ThrowIfNull(name);
        CheckRgb(pictures, nameof(pictures));
        var values = pictures.detach().cpu().to(ScalarType.Float32);
        return new FigureRow(name, normalise ? AttributionMaps.MinMaxPerPicture(values) : values.clone());
    }

    /// <summary>
    /// The course's figure of a gradient method (saliency, SmoothGrad, Integrated Gradients): the pictures over
    /// the result's maps in the "hot" colour map.
    /// </summary>
    /// <param name="title">The method and its settings.</param>
    /// <param name="pictures">The explained pictures, [N, 3, H, W].</param>
    /// <param name="captions">One caption per picture.</param>
    /// <param name="result">The method's result; its <see cref="AttributionResult.Map"/> is drawn.</param>
    /// <param name="rowName">The maps' row name, e.g. "saliency".</param>
    public static byte[] ForAttribution(
        string title,
        Tensor pictures,
        IReadOnlyList<string> captions,
        AttributionResult result,
        string rowName)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var scope = NewDisposeScope();
        return RenderPng(title, pictures, captions, [MapRow(rowName, result.Map)]);
    }

    /// <summary>The course's LIME figure: the pictures over their tinted views (green for, red against).</summary>
    /// <param name="title">The method and its settings.</param>
    /// <param name="pictures">The explained pictures, [N, 3, H, W].</param>
    /// <param name="captions">One caption per picture.</param>
    /// <param name="views">[N, 3, H, W] views from <see cref="LimeView.ImageAndMask"/>, drawn as they are.</param>
    public static byte[] ForLime(string title, Tensor pictures, IReadOnlyList<string> captions, Tensor views)
    {
        using var scope = NewDisposeScope();
        return RenderPng(title, pictures, captions, [PictureRow("LIME", views, normalise: false)]);
    }

    /// <summary>
    /// The course's filter figure: the pictures, the filter's activation maps, and the pictures that excite
    /// it most, both min-max normalised per picture.
    /// </summary>
    /// <param name="title">The layer, the filter and the settings.</param>
    /// <param name="pictures">The pictures the run started from, [N, 3, H, W].</param>
    /// <param name="captions">One caption per picture.</param>
    /// <param name="result">The run's activations [N, h, w] and visualisations [N, 3, H, W].</param>
    public static byte[] ForFilter(
        string title,
        Tensor pictures,
        IReadOnlyList<string> captions,
        FilterVisualizationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var scope = NewDisposeScope();
        return RenderPng(
            title,
            pictures,
            captions,
            [
                MapRow("activation", result.Activations),
                PictureRow("visualisation", result.Visualizations, normalise: true),
            ]);
    }

    /// <summary>Renders a figure as PNG bytes.</summary>
    /// <param name="title">The title line: the method and its settings.</param>
    /// <param name="pictures">The explained pictures, [N, 3, H, W] in [0, 1], N at least 1.</param>
    /// <param name="captions">One caption per picture, e.g. from <see cref="Caption"/>.</param>
    /// <param name="rows">At least one row under the pictures, each with N cells.</param>
    /// <returns>
    /// The encoded PNG, <see cref="FigureLayout.Width"/> by <see cref="FigureLayout.Height"/> pixels.
    /// </returns>
    public static byte[] RenderPng(
        string title,
        Tensor pictures,
        IReadOnlyList<string> captions,
        IReadOnlyList<FigureRow> rows)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(captions);
        ArgumentNullException.ThrowIfNull(rows);
        CheckRgb(pictures, nameof(pictures));
        var count = (int)pictures.shape[0];
        if (count == 0)
        {
            throw new ArgumentException("Expected at least one picture, got none.", nameof(pictures));
        }

        if (captions.Count != count)
        {
            throw new ArgumentException(
                $"Expected one caption per picture ({count}), got {captions.Count}.", nameof(captions));
        }

        if (rows.Count == 0)
        {
            throw new ArgumentException("Expected at least one row under the pictures, got none.", nameof(rows));
        }

        foreach (var row in rows)
        {
            CheckRgb(row.Cells, nameof(rows));
            if (row.Cells.shape[0] != count)
            {
                throw new ArgumentException(
                    $"Expected {count} cells in row '{row.Name}', got {row.Cells.shape[0]}.", nameof(rows));
            }
        }

        var layout = FigureLayout.For(count, rows.Count, (int)pictures.shape[3], (int)pictures.shape[2]);
        return Draw(layout, title, pictures, captions, rows);
    }

    private static byte[] Draw(
        FigureLayout layout,
        string title,
        Tensor pictures,
        IReadOnlyList<string> captions,
        IReadOnlyList<FigureRow> rows)
    {
        using var surface = SKSurface.Create(
            new SKImageInfo(layout.Width, layout.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);

        using var typeface = SheetDrawing.Typeface();
        using var titleFont = new SKFont(typeface, TitleSize) { Embolden = true };
        using var captionFont = new SKFont(typeface, CaptionSize);
        using var rowFont = new SKFont(typeface, RowNameSize);
        using var ink = new SKPaint { Color = new SKColor(25, 25, 25), IsAntialias = true };
        using var faint = new SKPaint { Color = new SKColor(90, 90, 90), IsAntialias = true };
        using var frame = new SKPaint { Color = new SKColor(200, 200, 200) };

        // The title, left-aligned over the cells and shortened to the figure's width.
        var titleLeft = FigureLayout.Gutter + FigureLayout.Margin;
        var titleText = SheetDrawing.Fit(title, titleFont, layout.Width - titleLeft - FigureLayout.Margin);
        canvas.DrawText(titleText, titleLeft, FigureLayout.Margin + TitleSize, SKTextAlign.Left, titleFont, ink);

        var all = new List<FigureRow> { new("picture", pictures) };
        all.AddRange(rows);
        for (var r = 0; r < all.Count; r++)
        {
            var cells = ToBytes(all[r].Cells);
            var (height, width) = ((int)all[r].Cells.shape[2], (int)all[r].Cells.shape[3]);
            for (var n = 0; n < layout.Columns; n++)
            {
                var cell = layout.Cell(r, n);
                var target = SKRect.Create(cell.Left, cell.Top, cell.Width, cell.Height);
                using var image = SheetDrawing.ToSkImage(
                    cells.AsSpan(n * width * height * 3, width * height * 3), width, height);
                canvas.DrawRect(SKRect.Inflate(target, 1, 1), frame);
                canvas.DrawImage(image, target, new SKSamplingOptions(SKFilterMode.Nearest), null);
            }

            DrawRowName(canvas, all[r].Name, layout.Cell(r, 0), rowFont, faint);
        }

        for (var n = 0; n < layout.Columns; n++)
        {
            var cell = layout.Cell(0, n);
            var caption = SheetDrawing.Fit(captions[n], captionFont, cell.Width + FigureLayout.Margin - 2);
            var baseline = cell.Top + cell.Height + CaptionSize + 4;
            canvas.DrawText(caption, cell.Left + (cell.Width / 2f), baseline, SKTextAlign.Center, captionFont, ink);
        }

        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
    }

    private static void DrawRowName(SKCanvas canvas, string name, FigureCell first, SKFont font, SKPaint paint)
    {
        // Written upwards in the gutter, centred on the row.
        var x = FigureLayout.Gutter - 4f;
        var y = first.Top + (first.Height / 2f);
        canvas.Save();
        canvas.RotateDegrees(-90, x, y);
        canvas.DrawText(SheetDrawing.Fit(name, font, first.Height), x, y, SKTextAlign.Center, font, paint);
        canvas.Restore();
    }

    private static byte[] ToBytes(Tensor cells)
    {
        using var scope = NewDisposeScope();

        // [N, 3, h, w] in [0, 1] -> [N, h, w, 3] bytes, round(v * 255) as PictureWriter stores pictures.
        return cells.detach().cpu().to(ScalarType.Float32).clamp(0, 1).mul(255).round().to(ScalarType.Byte)
            .permute(0, 2, 3, 1).contiguous().data<byte>().ToArray();
    }

    private static void CheckRgb(Tensor tensor, string parameter)
    {
        ArgumentNullException.ThrowIfNull(tensor, parameter);
        if (tensor.dim() != 4 || tensor.shape[1] != 3)
        {
            throw new ArgumentException(
                $"Expected RGB pictures shaped [N, 3, H, W], got [{string.Join(", ", tensor.shape)}].", parameter);
        }

        if (!tensor.is_floating_point())
        {
            throw new ArgumentException($"Expected floating-point pictures, got {tensor.dtype}.", parameter);
        }
    }
}
