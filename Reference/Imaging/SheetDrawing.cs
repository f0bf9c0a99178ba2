using SkiaSharp;

namespace XaiReference.Imaging;

/// <summary>
/// The drawing steps shared by the contact sheet and the method figures: RGB bytes to a Skia image,
/// the caption typeface, and captions shortened to fit their cell.
/// </summary>
internal static class SheetDrawing
{
    /// <summary>DejaVu Sans where installed, Skia's default typeface otherwise.</summary>
    public static SKTypeface Typeface() => SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default;

    /// <summary>An opaque Skia image of row-major RGB bytes (HWC), width * height * 3 of them.</summary>
    public static SKImage ToSkImage(ReadOnlySpan<byte> rgb, int width, int height)
    {
        // RGB -> RGBA, opaque.
        var rgba = new byte[width * height * 4];
        for (var i = 0; i < width * height; i++)
        {
            rgba[i * 4] = rgb[i * 3];
            rgba[(i * 4) + 1] = rgb[(i * 3) + 1];
            rgba[(i * 4) + 2] = rgb[(i * 3) + 2];
            rgba[(i * 4) + 3] = 255;
        }

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var data = SKData.CreateCopy(rgba);
        return SKImage.FromPixels(info, data, info.RowBytes);
    }

    /// <summary>The text, shortened with an ellipsis where it is wider than <paramref name="width"/>.</summary>
    public static string Fit(string text, SKFont font, float width)
    {
        // Shorten rather than let a caption run into its neighbour.
        if (font.MeasureText(text) <= width)
        {
            return text;
        }

        var shortened = text;
        while (shortened.Length > 1 && font.MeasureText(shortened + "...") > width)
        {
            shortened = shortened[..^1];
        }

        return shortened + "...";
    }
}
