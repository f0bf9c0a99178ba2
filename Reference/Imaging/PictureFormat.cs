namespace XaiReference.Imaging;

/// <summary>An image format recognised by its leading bytes.</summary>
public enum PictureFormat
{
    /// <summary>No known signature.</summary>
    Unknown,

    /// <summary>PNG: 89 50 4E 47 0D 0A 1A 0A.</summary>
    Png,

    /// <summary>JPEG: FF D8 FF.</summary>
    Jpeg,

    /// <summary>GIF: "GIF87a" or "GIF89a".</summary>
    Gif,

    /// <summary>BMP: "BM".</summary>
    Bmp,

    /// <summary>WebP: "RIFF" .... "WEBP".</summary>
    Webp,

    /// <summary>TIFF: "II*\0" or "MM\0*".</summary>
    Tiff,
}
