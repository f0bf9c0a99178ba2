using SkiaSharp;

namespace XaiReference.Imaging;

/// <summary>
/// Lays pictures out in a grid with captions under each and renders the sheet as PNG. Pictures are
/// enlarged by a whole factor with nearest-neighbour sampling, so every source pixel stays visible as it is.
/// </summary>
/// <remarks>
/// Drawn with SkiaSharp, the renderer under ScottPlot. Captions use DejaVu Sans where installed and Skia's
/// default typeface otherwise, so text pixels (not layout) may differ between machines.
/// </remarks>
public static class ContactSheet
{
    private const int Margin = 12;
    private const float CaptionSize = 15;
    private const float DetailSize = 13;

    /// <summary>Renders <paramref name="items"/> into PNG bytes.</summary>
    /// <param name="items">At least one picture; all may have different sizes (cells take the largest).</param>
    /// <param name="columns">Pictures per row, at least 1; 5 by default.</param>
    /// <param name="scale">Whole enlargement factor, 1 .. 8; 2 by default.</param>
    /// <returns>The encoded PNG.</returns>
    public static byte[] RenderPng(IReadOnlyList<ContactSheetItem> items, int columns = 5, int scale = 2)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            throw new ArgumentException("expected at least one picture, got none", nameof(items));
        }

        if (columns < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(columns), columns, $"expected at least 1, got {columns}");
        }

        if (scale is < 1 or > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"expected 1 .. 8, got {scale}");
        }

        foreach (var item in items)
        {
            PictureWriter.EnsureSize(item.Rgb.Length, item.Width, item.Height, 3, nameof(items));
        }

        // Layout: equal cells, each a picture plus two caption lines.
        var cellWidth = items.Max(i => i.Width) * scale;
        var pictureHeight = items.Max(i => i.Height) * scale;
        var cellHeight = pictureHeight + (int)(CaptionSize + DetailSize) + 16;
        var used = Math.Min(columns, items.Count);
        var rows = (items.Count + columns - 1) / columns;
        var width = Margin + (used * (cellWidth + Margin));
        var height = Margin + (rows * (cellHeight + Margin));

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);

        using var typeface = SheetDrawing.Typeface();
        using var captionFont = new SKFont(typeface, CaptionSize);
        using var detailFont = new SKFont(typeface, DetailSize);
        using var ink = new SKPaint { Color = new SKColor(25, 25, 25), IsAntialias = true };
        using var faint = new SKPaint { Color = new SKColor(90, 90, 90), IsAntialias = true };
        using var frame = new SKPaint { Color = new SKColor(200, 200, 200) };

        for (var n = 0; n < items.Count; n++)
        {
            var item = items[n];
            var left = Margin + ((n % columns) * (cellWidth + Margin));
            var top = Margin + ((n / columns) * (cellHeight + Margin));
            var (w, h) = (item.Width * scale, item.Height * scale);
            var target = SKRect.Create(left + ((cellWidth - w) / 2), top + (pictureHeight - h), w, h);

            // A one-pixel grey frame around the picture, then the picture on whole pixels.
            using var picture = SheetDrawing.ToSkImage(item.Rgb.Span, item.Width, item.Height);
            canvas.DrawRect(SKRect.Inflate(target, 1, 1), frame);
            canvas.DrawImage(picture, target, new SKSamplingOptions(SKFilterMode.Nearest), null);

            var centre = left + (cellWidth / 2f);
            var baseline = top + pictureHeight + CaptionSize + 4;
            var caption = SheetDrawing.Fit(item.Caption, captionFont, cellWidth);
            canvas.DrawText(caption, centre, baseline, SKTextAlign.Center, captionFont, ink);
            if (item.Detail is { } detail)
            {
                var line = SheetDrawing.Fit(detail, detailFont, cellWidth);
                canvas.DrawText(line, centre, baseline + DetailSize + 4, SKTextAlign.Center, detailFont, faint);
            }
        }

        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
    }

    /// <summary>Renders <paramref name="items"/> and writes the PNG to <paramref name="path"/>.</summary>
    /// <param name="items">At least one picture.</param>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <param name="columns">Pictures per row, at least 1; 5 by default.</param>
    /// <param name="scale">Whole enlargement factor, 1 .. 8; 2 by default.</param>
    public static void SavePng(IReadOnlyList<ContactSheetItem> items, string path, int columns = 5, int scale = 2)
    {
        ArgumentNullException.ThrowIfNull(path);
        File.WriteAllBytes(path, RenderPng(items, columns, scale));
    }
}
