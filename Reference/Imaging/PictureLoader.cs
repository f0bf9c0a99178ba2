using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using static TorchSharp.torch;

namespace XaiReference.Imaging;

/// <summary>
/// Reads pictures as the course does: PNG or JPEG, resized to 128 x 128, as a float32 tensor
/// [3, 128, 128] with values in [0, 1] and no mean/std normalisation.
/// </summary>
/// <remarks>
/// <para>
/// Guards, in order: the file size; the format, sniffed from the content (only PNG and JPEG are
/// decoded, whatever the extension says); the width and height read from the header with
/// <c>Image.Identify</c>, before any pixel is decoded; the decode itself, where a corrupt or
/// truncated file fails. Every failure is a <see cref="PictureLoadException"/> naming the file.
/// </para>
/// <para>
/// Resizing stretches to the target size (as torchvision's <c>Resize((128, 128))</c>) with ImageSharp's
/// triangle (bilinear) resampler, which widens its kernel when shrinking. torchvision resizes PIL images
/// with PIL's bilinear filter, which antialiases the same way, but the two differ in rounding and edge
/// handling, and JPEG decoders differ in their inverse DCT, so values can differ from the course's by a
/// few levels of 255. EXIF orientation is ignored and an alpha channel dropped, as PIL's
/// <c>convert('RGB')</c> does.
/// </para>
/// </remarks>
public static class PictureLoader
{
    // Only these two decoders are registered: no other format is ever parsed.
    private static readonly Configuration Decoders =
        new(new PngConfigurationModule(), new JpegConfigurationModule());

    /// <summary>Reads, checks, decodes and resizes a picture file into a tensor.</summary>
    /// <param name="path">A PNG or JPEG file.</param>
    /// <param name="options">Bounds and target size; <see cref="PictureLoadOptions.Default"/> when null.</param>
    /// <returns>float32 [3, Size, Size] in [0, 1]; the caller owns it.</returns>
    public static Tensor LoadTensor(string path, PictureLoadOptions? options = null)
    {
        using var image = LoadResized(path, options);
        return ToTensor(image);
    }

    /// <summary>Reads several picture files into one batch.</summary>
    /// <param name="paths">PNG or JPEG files, at least one.</param>
    /// <param name="options">Bounds and target size; <see cref="PictureLoadOptions.Default"/> when null.</param>
    /// <returns>float32 [N, 3, Size, Size] in [0, 1], in the order of <paramref name="paths"/>.</returns>
    public static Tensor LoadBatch(IReadOnlyList<string> paths, PictureLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new ArgumentException("expected at least one path, got none", nameof(paths));
        }

        using var scope = NewDisposeScope();
        var pictures = paths.Select(p => LoadTensor(p, options)).ToArray();
        return stack(pictures).MoveToOuterDisposeScope();
    }

    /// <summary>Reads, checks, decodes and resizes a picture file.</summary>
    /// <param name="path">A PNG or JPEG file.</param>
    /// <param name="options">Bounds and target size; <see cref="PictureLoadOptions.Default"/> when null.</param>
    /// <returns>An RGB image of Size x Size pixels; the caller disposes it.</returns>
    public static Image<Rgb24> LoadResized(string path, PictureLoadOptions? options = null)
    {
        options ??= PictureLoadOptions.Default;
        var image = LoadOriginal(path, options);
        image.Mutate(c => c.Resize(options.Size, options.Size, KnownResamplers.Triangle));
        return image;
    }

    /// <summary>Checks, decodes and resizes picture bytes held in memory, as the course feeds a picture.</summary>
    /// <param name="bytes">The content of a PNG or JPEG file.</param>
    /// <param name="name">A name for error messages, such as the original path.</param>
    /// <param name="options">Bounds and target size; <see cref="PictureLoadOptions.Default"/> when null.</param>
    /// <returns>[3, Size, Size] floats in [0, 1].</returns>
    public static Tensor DecodeTensor(byte[] bytes, string name, PictureLoadOptions? options = null)
    {
        options ??= PictureLoadOptions.Default;
        using var image = Decode(bytes, name, options);
        if (image.Width != options.Size || image.Height != options.Size)
        {
            image.Mutate(c => c.Resize(options.Size, options.Size, KnownResamplers.Triangle));
        }

        return ToTensor(image);
    }

    /// <summary>Reads, checks and decodes a picture file at its own size.</summary>
    /// <param name="path">A PNG or JPEG file.</param>
    /// <param name="options">Bounds; <see cref="PictureLoadOptions.Default"/> when null.</param>
    /// <returns>An RGB image; the caller disposes it.</returns>
    public static Image<Rgb24> LoadOriginal(string path, PictureLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= PictureLoadOptions.Default;

        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new PictureLoadException(path, "no such file");
        }

        if (file.Length > options.MaxFileBytes)
        {
            throw new PictureLoadException(
                path, $"file of {file.Length} bytes exceeds the bound of {options.MaxFileBytes} bytes");
        }

        return Decode(File.ReadAllBytes(path), path, options);
    }

    /// <summary>Checks and decodes picture bytes held in memory.</summary>
    /// <param name="bytes">The content of a PNG or JPEG file.</param>
    /// <param name="name">A name for error messages, such as the original path.</param>
    /// <param name="options">Bounds; <see cref="PictureLoadOptions.Default"/> when null.</param>
    /// <returns>An RGB image at its own size; the caller disposes it.</returns>
    public static Image<Rgb24> Decode(byte[] bytes, string name, PictureLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(name);
        options ??= PictureLoadOptions.Default;

        // Which format: by content only.
        var format = PictureFormats.Sniff(bytes);
        if (!PictureFormats.IsDecodable(format))
        {
            var what = format == PictureFormat.Unknown ? "an unrecognised format" : Name(format);
            throw new PictureLoadException(name, $"expected a PNG or JPEG file, found {what}");
        }

        // How large: from the header, before any pixel is decoded.
        var (width, height) = Identify(bytes, name, format);
        if (width > options.MaxWidth || height > options.MaxHeight || (long)width * height > options.MaxPixels)
        {
            throw new PictureLoadException(
                name,
                $"header declares {width} x {height} pixels, over the bound of {options.MaxWidth} x "
                + $"{options.MaxHeight} and {options.MaxPixels} pixels; not decoded");
        }

        // Decode, with a structural check first because a decoder may pad a truncated file silently.
        var problem = format == PictureFormat.Png ? PngStructure.Check(bytes) : JpegStructure.Check(bytes);
        if (problem is not null)
        {
            throw new PictureLoadException(name, $"corrupt {Name(format)}: {problem}");
        }

        try
        {
            return Image.Load<Rgb24>(Decoders, bytes);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever a decoder throws on hostile content, the caller learns which file it was.
            throw new PictureLoadException(name, $"could not decode: {e.Message}", e);
        }
    }

    /// <summary>An RGB image as float32 [3, H, W] with values byte / 255.</summary>
    /// <param name="image">The image to convert.</param>
    /// <returns>A new tensor the caller owns.</returns>
    public static Tensor ToTensor(Image<Rgb24> image)
    {
        ArgumentNullException.ThrowIfNull(image);

        // HWC pixels -> CHW floats.
        var (width, height) = (image.Width, image.Height);
        var plane = width * height;
        var values = new float[3 * plane];
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < width; x++)
                {
                    var i = (y * width) + x;
                    values[i] = row[x].R / 255f;
                    values[plane + i] = row[x].G / 255f;
                    values[(2 * plane) + i] = row[x].B / 255f;
                }
            }
        });

        return tensor(values, [3, height, width], ScalarType.Float32);
    }

    private static (int Width, int Height) Identify(byte[] bytes, string name, PictureFormat format)
    {
        IImageInfo? info;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            info = Image.Identify(Decoders, stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new PictureLoadException(name, $"unreadable {Name(format)} header: {e.Message}", e);
        }

        if (info is null || info.Width <= 0 || info.Height <= 0)
        {
            throw new PictureLoadException(name, $"unreadable {Name(format)} header");
        }

        return (info.Width, info.Height);
    }

    private static string Name(PictureFormat format) => format.ToString().ToUpperInvariant();
}
