using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace XaiReference.Specs.Imaging;

/// <summary>Small pictures made in memory for the imaging specs.</summary>
internal static class TestImages
{
    /// <summary>A smooth colour ramp, so that resizing has something to do.</summary>
    public static Image<Rgb24> Ramp(int width, int height)
    {
        var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = new Rgb24((byte)(255 * x / (width - 1)), (byte)(255 * y / (height - 1)), 90);
            }
        }

        return image;
    }

    public static Image<Rgb24> Solid(int width, int height, Rgb24 colour)
    {
        var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = colour;
            }
        }

        return image;
    }
}
