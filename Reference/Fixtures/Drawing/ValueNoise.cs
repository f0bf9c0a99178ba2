using XaiReference.Numerics;

namespace XaiReference.Fixtures.Drawing;

/// <summary>
/// Smooth lattice noise in [0, 1]: hashed random values at integer points, blended with a
/// smoothstep. Used for wood grain, crumb and cloth textures.
/// </summary>
internal sealed class ValueNoise
{
    private readonly ulong seed;

    public ValueNoise(ulong seed)
    {
        this.seed = seed;
    }

    public double At(double x, double y)
    {
        var x0 = Math.Floor(x);
        var y0 = Math.Floor(y);
        var tx = StableMath.SmoothStep(x - x0);
        var ty = StableMath.SmoothStep(y - y0);
        var ix = (long)x0;
        var iy = (long)y0;

        var top = Lattice(ix, iy) + ((Lattice(ix + 1, iy) - Lattice(ix, iy)) * tx);
        var bottom = Lattice(ix, iy + 1) + ((Lattice(ix + 1, iy + 1) - Lattice(ix, iy + 1)) * tx);
        return top + ((bottom - top) * ty);
    }

    /// <summary>Two octaves: coarse shape plus half-strength detail.</summary>
    public double Fractal(double x, double y) => ((2 * At(x, y)) + At((2 * x) + 17.3, (2 * y) - 5.1)) / 3;

    private double Lattice(long x, long y)
    {
        var h = SplitMix64.Mix(seed ^ SplitMix64.Mix(((ulong)x * 0x632BE59BD9B4E019UL) + (ulong)y));
        return (h >> 11) * (1.0 / (1UL << 53));
    }
}
