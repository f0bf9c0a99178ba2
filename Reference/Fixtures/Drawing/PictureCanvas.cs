namespace XaiReference.Fixtures.Drawing;

/// <summary>
/// A square picture under construction: colour channels as doubles on the 0..255 scale,
/// plus the region of every pixel. Pixel (column, row) has its centre at (column + 0.5, row + 0.5).
/// </summary>
internal sealed class PictureCanvas
{
    private readonly double[] colour;
    private readonly byte[] regions;

    public PictureCanvas(int size)
    {
        Size = size;
        colour = new double[size * size * 3];
        regions = new byte[size * size];
    }

    public int Size { get; }

    /// <summary>Sets every pixel from <paramref name="fill"/>; regions are left as they are.</summary>
    public void FillAll(Func<double, double, Rgb> fill)
    {
        for (var row = 0; row < Size; row++)
        {
            for (var column = 0; column < Size; column++)
            {
                Set((row * Size) + column, fill(column + 0.5, row + 0.5));
            }
        }
    }

    /// <summary>
    /// Blends <paramref name="fill"/> over the pixels <paramref name="shape"/> covers. Pixels covered
    /// at least half are assigned <paramref name="region"/> when one is given.
    /// </summary>
    /// <param name="shape">Where to paint.</param>
    /// <param name="fill">Colour at a pixel centre.</param>
    /// <param name="region">Region to record, or null to leave the mask alone (shadows, highlights).</param>
    /// <param name="opacity">Overall opacity in [0, 1].</param>
    /// <param name="softness">Width of the edge ramp in pixels; 1 gives an anti-aliased edge.</param>
    public void Paint(
        Shape shape,
        Func<double, double, Rgb> fill,
        PictureRegion? region,
        double opacity = 1,
        double softness = 1)
    {
        var (minX, minY, maxX, maxY) = shape.Bounds;
        var pad = softness + 1;
        var c0 = Math.Max(0, (int)Math.Floor(minX - pad));
        var c1 = Math.Min(Size - 1, (int)Math.Ceiling(maxX + pad));
        var r0 = Math.Max(0, (int)Math.Floor(minY - pad));
        var r1 = Math.Min(Size - 1, (int)Math.Ceiling(maxY + pad));

        for (var row = r0; row <= r1; row++)
        {
            for (var column = c0; column <= c1; column++)
            {
                var x = column + 0.5;
                var y = row + 0.5;
                var coverage = StableMath.Clamp01(0.5 - (shape.SignedDistance(x, y) / softness));
                if (coverage <= 0)
                {
                    continue;
                }

                var index = (row * Size) + column;
                var alpha = coverage * opacity;
                Set(index, Get(index).Mix(fill(x, y), alpha));
                if (region is { } r && coverage >= 0.5)
                {
                    regions[index] = (byte)r;
                }
            }
        }
    }

    public void Paint(Shape shape, Rgb colour, PictureRegion? region, double opacity = 1, double softness = 1) =>
        Paint(shape, (_, _) => colour, region, opacity, softness);

    /// <summary>Applies <paramref name="transform"/> to every pixel (lighting, noise).</summary>
    public void Transform(Func<double, double, Rgb, Rgb> transform)
    {
        for (var row = 0; row < Size; row++)
        {
            for (var column = 0; column < Size; column++)
            {
                var index = (row * Size) + column;
                Set(index, transform(column + 0.5, row + 0.5, Get(index)));
            }
        }
    }

    /// <summary>The picture as RGB bytes, row-major, channels last (HWC), rounded and clamped.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[colour.Length];
        for (var i = 0; i < colour.Length; i++)
        {
            var v = Math.Round(colour[i], MidpointRounding.AwayFromZero);
            bytes[i] = (byte)(v < 0 ? 0 : v > 255 ? 255 : v);
        }

        return bytes;
    }

    public byte[] RegionsCopy() => (byte[])regions.Clone();

    private Rgb Get(int index) => new(colour[index * 3], colour[(index * 3) + 1], colour[(index * 3) + 2]);

    private void Set(int index, Rgb value)
    {
        colour[index * 3] = value.R;
        colour[(index * 3) + 1] = value.G;
        colour[(index * 3) + 2] = value.B;
    }
}
