namespace XaiReference.Numerics;

/// <summary>
/// A small deterministic pseudo-random generator (Steele, Lea and Flood's SplitMix64).
/// Unlike <see cref="System.Random"/>, its sequence is fixed by this code alone, so pictures
/// made from a seed are the same on every machine and every .NET version.
/// </summary>
/// <remarks>
/// Every draw uses only integer arithmetic and exact conversions; no library function whose
/// last bit may vary between platforms takes part.
/// </remarks>
public sealed class SplitMix64
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    private ulong state;

    /// <summary>Starts a sequence from <paramref name="seed"/>.</summary>
    /// <param name="seed">Any 64-bit value; equal seeds give equal sequences.</param>
    public SplitMix64(ulong seed)
    {
        state = seed;
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        state += GoldenGamma;
        return Mix(state);
    }

    /// <summary>A double uniformly spread over [0, 1), with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A fair coin: 0 or 1 (the top bit of the next draw).</summary>
    public int NextBit() => (int)(NextUInt64() >> 63);

    /// <summary>A double uniformly spread over [<paramref name="low"/>, <paramref name="high"/>).</summary>
    /// <param name="low">Inclusive lower end.</param>
    /// <param name="high">Exclusive upper end.</param>
    public double NextDouble(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>An integer uniformly spread over [0, <paramref name="count"/>).</summary>
    /// <param name="count">Number of possible values; at least 1.</param>
    public int NextInt(int count)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"expected at least 1, got {count}");
        }

        // Multiply-shift maps 32 random bits onto [0, count) with a bias below 2^-32 * count.
        return (int)(((NextUInt64() >> 32) * (ulong)count) >> 32);
    }

    /// <summary>
    /// An approximately normal draw with mean 0 and standard deviation 1: the centred sum of
    /// four uniform draws, scaled (Irwin-Hall). Bounded by +-sqrt(12), which suits pixel noise.
    /// </summary>
    public double NextGaussian()
    {
        var sum = NextDouble() + NextDouble() + NextDouble() + NextDouble();

        // The sum of four U(0,1) has mean 2 and variance 4/12 = 1/3, so (sum - 2) * sqrt(3) has variance 1.
        return (sum - 2.0) * 1.7320508075688772;
    }

    /// <summary>
    /// The SplitMix64 finaliser: a bijective bit mixer. Also used to derive independent
    /// sub-stream seeds from (seed, position, purpose).
    /// </summary>
    /// <param name="value">Bits to mix.</param>
    public static ulong Mix(ulong value)
    {
        var z = value;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
