using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing.Processors.Quantization;

namespace XaiReference.Figures;

/// <summary>Smaller encodings of rendered figures, for files meant to be committed or published.</summary>
public static class FigurePng
{
    /// <summary>
    /// Re-encodes a PNG as an 8-bit palette PNG of at most <paramref name="colors"/> colours (Wu's quantiser,
    /// no dithering), about a quarter of the size of a figure's RGBA PNG. Lossy: on the committed method figures
    /// the mean error is 1 to 4 levels of 255 and single pixels of noisy maps move further; a figure with few
    /// colours keeps each within its quantiser box (under 8 levels).
    /// </summary>
    /// <param name="png">A PNG file's bytes, e.g. from <see cref="MethodFigure.RenderPng"/>.</param>
    /// <param name="colors">The palette size, 2 .. 256; 256 by default.</param>
    /// <returns>The palette PNG's bytes.</returns>
    public static byte[] ToPalette(byte[] png, int colors = 256)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (colors is < 2 or > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(colors), colors, $"Expected 2 .. 256 colours, got {colors}.");
        }

        using var image = Image.Load<Rgb24>(png);
        var encoder = new PngEncoder
        {
            ColorType = PngColorType.Palette,
            BitDepth = PngBitDepth.Bit8,
            CompressionLevel = PngCompressionLevel.BestCompression,
            Quantizer = new WuQuantizer(new QuantizerOptions { MaxColors = colors, Dither = null }),
        };
        using var output = new MemoryStream();
        image.SaveAsPng(output, encoder);
        return output.ToArray();
    }
}
