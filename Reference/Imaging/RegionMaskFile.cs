using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace XaiReference.Imaging;

/// <summary>
/// Stores region masks (0 background, 1 plate, 2 food) as greyscale PNG files a person can look at:
/// 0 is black, 1 mid grey (128) and 2 white (255). Reading maps those three levels back exactly and
/// refuses any other level.
/// </summary>
public static class RegionMaskFile
{
    /// <summary>The grey level stored for each region value.</summary>
    public static IReadOnlyList<byte> GreyLevels { get; } = [0, 128, 255];

    private static readonly PngEncoder GreyEncoder = new()
    {
        ColorType = PngColorType.Grayscale,
        BitDepth = PngBitDepth.Bit8,
    };

    /// <summary>Writes a mask as a greyscale PNG.</summary>
    /// <param name="mask">width * height values, each 0, 1 or 2, row-major.</param>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <param name="path">The file to write; its folder must exist.</param>
    public static void Save(ReadOnlySpan<byte> mask, int width, int height, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        PictureWriter.EnsureSize(mask.Length, width, height, 1, nameof(mask));

        var grey = new L8[mask.Length];
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i] >= GreyLevels.Count)
            {
                throw new ArgumentException(
                    $"expected region values 0, 1 or 2, got {mask[i]} at pixel {i}", nameof(mask));
            }

            grey[i] = new L8(GreyLevels[mask[i]]);
        }

        using var image = Image.LoadPixelData<L8>(grey, width, height);
        image.SaveAsPng(path, GreyEncoder);
    }

    /// <summary>Reads a mask written by <see cref="Save"/>.</summary>
    /// <param name="path">A PNG file holding only the grey levels 0, 128 and 255.</param>
    /// <exception cref="PictureLoadException">The file is missing, not a sound PNG, or holds another level.</exception>
    public static RegionMask Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);

        using var image = PictureLoader.LoadOriginal(path);
        return FromImage(image, path);
    }

    /// <summary>Decodes a region mask PNG held in memory (an embedded resource, say).</summary>
    /// <param name="bytes">The PNG file's bytes.</param>
    /// <param name="name">What the bytes are, for error messages.</param>
    /// <exception cref="PictureLoadException">
    /// Not a PNG or JPEG, or a pixel is not one of the three grey levels.
    /// </exception>
    public static RegionMask Decode(byte[] bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var image = PictureLoader.Decode(bytes, name);
        return FromImage(image, name);
    }

    private static RegionMask FromImage(Image<Rgb24> image, string path)
    {
        var values = new byte[image.Width * image.Height];
        string? problem = null;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height && problem is null; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var pixel = row[x];
                    var region = pixel.R != pixel.G || pixel.G != pixel.B
                        ? -1
                        : pixel.R switch { 0 => 0, 128 => 1, 255 => 2, _ => -1 };
                    if (region < 0)
                    {
                        problem = $"pixel ({x}, {y}) = {pixel} is not a region level (grey 0, 128 or 255)";
                        break;
                    }

                    values[(y * row.Length) + x] = (byte)region;
                }
            }
        });

        return problem is null
            ? new RegionMask(image.Width, image.Height, values)
            : throw new PictureLoadException(path, problem);
    }
}
