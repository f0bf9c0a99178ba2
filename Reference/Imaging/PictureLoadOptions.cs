namespace XaiReference.Imaging;

/// <summary>Bounds checked on a picture's header before it is decoded, and the size it is resized to.</summary>
public sealed record PictureLoadOptions
{
    /// <summary>The course's bounds: 8192 x 8192, 40 megapixels, 64 MiB files, resized to 128 x 128.</summary>
    public static PictureLoadOptions Default { get; } = new();

    /// <summary>Largest accepted width in pixels, read from the header; 8192 by default.</summary>
    public int MaxWidth { get; init; } = 8192;

    /// <summary>Largest accepted height in pixels, read from the header; 8192 by default.</summary>
    public int MaxHeight { get; init; } = 8192;

    /// <summary>Largest accepted width * height; 40,000,000 by default.</summary>
    public long MaxPixels { get; init; } = 40_000_000;

    /// <summary>Largest accepted file, in bytes; 64 MiB by default.</summary>
    public long MaxFileBytes { get; init; } = 64L << 20;

    /// <summary>Side the picture is resized to (both width and height); 128 by default, as in the course.</summary>
    public int Size { get; init; } = 128;
}
