namespace XaiReference.Imaging;

/// <summary>Recognises image formats by content (magic bytes), never by file extension.</summary>
public static class PictureFormats
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The format whose signature starts <paramref name="header"/>.</summary>
    /// <param name="header">The first bytes of a file; 12 suffice for every known format.</param>
    public static PictureFormat Sniff(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith(PngSignature))
        {
            return PictureFormat.Png;
        }

        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
        {
            return PictureFormat.Jpeg;
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return PictureFormat.Gif;
        }

        if (header.StartsWith("BM"u8))
        {
            return PictureFormat.Bmp;
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return PictureFormat.Webp;
        }

        if (header.StartsWith("II*\0"u8) || header.StartsWith("MM\0*"u8))
        {
            return PictureFormat.Tiff;
        }

        return PictureFormat.Unknown;
    }

    /// <summary>Whether the course pipeline decodes <paramref name="format"/>: only PNG and JPEG.</summary>
    /// <param name="format">A sniffed format.</param>
    public static bool IsDecodable(PictureFormat format) => format is PictureFormat.Png or PictureFormat.Jpeg;
}
