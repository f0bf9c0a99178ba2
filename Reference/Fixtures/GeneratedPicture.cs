using static TorchSharp.torch;

namespace XaiReference.Fixtures;

/// <summary>
/// One stylised food picture from <see cref="FoodPictureGenerator"/>, with the region of every pixel.
/// </summary>
public sealed class GeneratedPicture
{
    private readonly byte[] rgb;
    private readonly byte[] regionMask;

    internal GeneratedPicture(
        int label,
        ulong seed,
        long position,
        int size,
        byte[] rgb,
        byte[] regionMask,
        PlateShape plate)
    {
        Label = label;
        Seed = seed;
        Position = position;
        Size = size;
        this.rgb = rgb;
        this.regionMask = regionMask;
        Plate = plate;
    }

    /// <summary>The food-11 label, 0 .. 10.</summary>
    public int Label { get; }

    /// <summary>The class name of <see cref="Label"/>.</summary>
    public string ClassName => FoodClasses.Names[Label];

    /// <summary>The generator seed the picture came from.</summary>
    public ulong Seed { get; }

    /// <summary>The picture's position in its generator's stream (0 for the first picture).</summary>
    public long Position { get; }

    /// <summary>Side of the square picture, in pixels (128 unless asked otherwise).</summary>
    public int Size { get; }

    /// <summary>RGB bytes, row-major with channels last (HWC): <c>Size * Size * 3</c> values.</summary>
    public ReadOnlyMemory<byte> Rgb => rgb;

    /// <summary>
    /// One byte per pixel, row-major: a <see cref="PictureRegion"/> value (0 table, 1 plate, 2 food).
    /// Food is painted over the plate, so a food pixel on the plate reads 2.
    /// </summary>
    public ReadOnlyMemory<byte> RegionMask => regionMask;

    /// <summary>The plate's ellipse, including the part the food covers.</summary>
    public PlateShape Plate { get; }

    /// <summary>The share of pixels in <paramref name="region"/>, in [0, 1].</summary>
    /// <param name="region">The region to measure.</param>
    public double AreaShare(PictureRegion region)
    {
        var count = 0;
        foreach (var value in regionMask)
        {
            if (value == (byte)region)
            {
                count++;
            }
        }

        return (double)count / regionMask.Length;
    }

    /// <summary>The picture as the course feeds it: float32 [3, Size, Size], values byte / 255 in [0, 1].</summary>
    /// <returns>A new tensor the caller owns.</returns>
    public Tensor ToTensor()
    {
        // HWC bytes -> CHW floats.
        var plane = Size * Size;
        var values = new float[3 * plane];
        for (var i = 0; i < plane; i++)
        {
            values[i] = rgb[i * 3] / 255f;
            values[plane + i] = rgb[(i * 3) + 1] / 255f;
            values[(2 * plane) + i] = rgb[(i * 3) + 2] / 255f;
        }

        return tensor(values, [3, Size, Size], ScalarType.Float32);
    }

    /// <summary>The region mask as an int64 tensor [Size, Size] holding 0, 1 or 2.</summary>
    /// <returns>A new tensor the caller owns.</returns>
    public Tensor RegionMaskTensor() => tensor(regionMask.Select(b => (long)b).ToArray(), [Size, Size]);
}
