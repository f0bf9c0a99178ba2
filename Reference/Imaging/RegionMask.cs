namespace XaiReference.Imaging;

/// <summary>A region mask read from a file: one region value per pixel, row-major.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Values">Width * Height values, each 0, 1 or 2.</param>
public sealed record RegionMask(int Width, int Height, byte[] Values);
