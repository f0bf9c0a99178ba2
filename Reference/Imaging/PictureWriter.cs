using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using static TorchSharp.torch;

namespace XaiReference.Imaging;

/// <summary>Writes pictures as 8-bit RGB PNG files.</summary>
public static class PictureWriter
{
    private static readonly PngEncoder RgbEncoder = new()
    {
        ColorType = PngColorType.Rgb,
        BitDepth = PngBitDepth.Bit8,
    };

    /// <summary>Writes a picture tensor as PNG.</summary>
    /// <param name="picture">float [3, H, W]; values are clamped to [0, 1] and stored as round(v * 255).</param>
    /// <param name="path">The file to write; its folder must exist.</param>
    public static void SavePng(Tensor picture, string path)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(path);
        if (picture.dim() != 3 || picture.shape[0] != 3)
        {
            throw new ArgumentException(
                $"expected shape [3, H, W], got [{string.Join(", ", picture.shape)}]", nameof(picture));
        }

        if (!picture.is_floating_point())
        {
            throw new ArgumentException($"expected a floating-point tensor, got {picture.dtype}", nameof(picture));
        }

        using var scope = NewDisposeScope();
        var (height, width) = ((int)picture.shape[1], (int)picture.shape[2]);
        var values = picture.detach().cpu().to(ScalarType.Float32);
        if (values.isnan().any().item<bool>())
        {
            throw new ArgumentException("expected finite values in [0, 1], got NaN", nameof(picture));
        }

        // [3, H, W] -> [H, W, 3] bytes.
        var bytes = values.clamp(0, 1).mul(255).round().to(ScalarType.Byte).permute(1, 2, 0).contiguous()
            .data<byte>().ToArray();
        SavePng(bytes, width, height, path);
    }

    /// <summary>Writes RGB bytes as PNG.</summary>
    /// <param name="rgb">Row-major, channels last (HWC): width * height * 3 bytes.</param>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <param name="path">The file to write; its folder must exist.</param>
    public static void SavePng(ReadOnlySpan<byte> rgb, int width, int height, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        EnsureSize(rgb.Length, width, height, 3, nameof(rgb));

        using var image = Image.LoadPixelData<Rgb24>(rgb, width, height);
        image.SaveAsPng(path, RgbEncoder);
    }

    internal static void EnsureSize(int length, int width, int height, int channels, string parameterName)
    {
        if (width < 1 || height < 1)
        {
            throw new ArgumentOutOfRangeException(
                parameterName, $"expected a positive width and height, got {width} x {height}");
        }

        if (length != width * height * channels)
        {
            throw new ArgumentException(
                $"expected {width} x {height} x {channels} = {width * height * channels} bytes, got {length}",
                parameterName);
        }
    }
}
