namespace XaiReference.Numerics;

/// <summary>
/// A small, fast pseudo-random generator (Steele, Lea and Flood's SplitMix64) whose stream depends only
/// on its seed, so that seeded results repeat on every machine and .NET version (System.Random does not
/// promise that).
/// </summary>
public sealed class SplitMix64
{
    private ulong state;

    /// <summary>Starts the stream at <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A fair coin: 0 or 1.</summary>
    public int NextBit() => (int)(NextUInt64() >> 63);
}
