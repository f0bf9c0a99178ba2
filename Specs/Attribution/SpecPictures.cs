using static TorchSharp.torch;

namespace XaiReference.Specs.Attribution;

/// <summary>Seeded pictures for the specs, independent of the global random generator.</summary>
internal static class SpecPictures
{
    /// <summary>[n, channels, side, side] values uniform in [0, 1), from the seed.</summary>
    public static Tensor Uniform(long seed, int n = 1, int channels = 3, int side = 16)
    {
        using var generator = new Generator((ulong)seed);
        return rand([n, channels, side, side], generator: generator);
    }
}
