using System.Globalization;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace XaiReference.Specs.Support;

/// <summary>How a received picture differs from a verified one, channel value by channel value (0..255).</summary>
/// <param name="WorstDifference">The largest |received - verified| of any channel value.</param>
/// <param name="WorstX">Column of the pixel holding the worst difference.</param>
/// <param name="WorstY">Row of the pixel holding the worst difference.</param>
/// <param name="Received">The received pixel at (<paramref name="WorstX"/>, <paramref name="WorstY"/>).</param>
/// <param name="Verified">The verified pixel at (<paramref name="WorstX"/>, <paramref name="WorstY"/>).</param>
/// <param name="MeanDifference">Mean of |received - verified| over all channel values (R, G, B, A).</param>
/// <param name="Counts">
/// How many channel values differ by each amount: <c>Counts[d]</c> of them by exactly d (0..255).
/// </param>
public sealed record ImageDifference(
    int WorstDifference,
    int WorstX,
    int WorstY,
    Rgba32 Received,
    Rgba32 Verified,
    double MeanDifference,
    IReadOnlyList<long> Counts)
{
    /// <summary>The number of channel values compared: four per pixel.</summary>
    public long ValueCount => Counts.Sum();

    /// <summary>Compares two pictures of the same size.</summary>
    /// <param name="received">The picture the spec produced.</param>
    /// <param name="verified">The stored picture.</param>
    public static ImageDifference Between(Image<Rgba32> received, Image<Rgba32> verified)
    {
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(verified);
        if (received.Size() != verified.Size())
        {
            throw new ArgumentException(
                $"Expected pictures of one size, got {received.Size()} and {verified.Size()}.", nameof(verified));
        }

        var width = received.Width;
        var a = new Rgba32[width * received.Height];
        var b = new Rgba32[a.Length];
        received.CopyPixelDataTo(a);
        verified.CopyPixelDataTo(b);

        var (worst, worstIndex, sum) = (-1, 0, 0L);
        var counts = new long[256];
        for (var i = 0; i < a.Length; i++)
        {
            var (r, g, bl, al) = (
                Math.Abs(a[i].R - b[i].R), Math.Abs(a[i].G - b[i].G),
                Math.Abs(a[i].B - b[i].B), Math.Abs(a[i].A - b[i].A));
            counts[r]++;
            counts[g]++;
            counts[bl]++;
            counts[al]++;
            sum += r + g + bl + al;
            var d = Math.Max(Math.Max(r, g), Math.Max(bl, al));
            if (d > worst)
            {
                (worst, worstIndex) = (d, i);
            }
        }

        var mean = a.Length == 0 ? 0 : sum / (4.0 * a.Length);
        return new ImageDifference(
            Math.Max(worst, 0), worstIndex % width, worstIndex / width, a[worstIndex], b[worstIndex], mean, counts);
    }

    /// <summary>How many channel values differ by more than <paramref name="levels"/>.</summary>
    /// <param name="levels">A difference of 0..255.</param>
    public long CountBeyond(int levels) => Counts.Skip(levels + 1).Sum();

    /// <summary>
    /// Whether the difference is within <paramref name="tolerance"/>: the mean within its limit, and no more
    /// channel values past the max difference than the outlier fraction allows (none, by default).
    /// </summary>
    /// <param name="tolerance">The allowed worst, outlier and mean differences.</param>
    public bool IsWithin(ImageTolerance tolerance) =>
        CountBeyond(tolerance.MaxChannelDifference) <= tolerance.OutlierFraction * ValueCount
        && MeanDifference <= tolerance.MeanChannelDifference;

    /// <summary>This difference, then how many values are past the tolerance's max difference.</summary>
    /// <param name="tolerance">The tolerance the difference was checked against.</param>
    public string Describe(ImageTolerance tolerance)
    {
        var beyond = CountBeyond(tolerance.MaxChannelDifference);
        return beyond == 0
            ? ToString()
            : ToString() + string.Create(
                CultureInfo.InvariantCulture,
                $"; {beyond} of {ValueCount} channel values ({(double)beyond / ValueCount:0.#####%}) differ by more "
                + $"than {tolerance.MaxChannelDifference}");
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"worst pixel ({WorstX}, {WorstY}) differs by {WorstDifference} "
        + $"(received RGBA {Format(Received)}, verified RGBA {Format(Verified)}); "
        + $"mean absolute difference {MeanDifference:0.####}");

    private static string Format(Rgba32 p) => $"({p.R}, {p.G}, {p.B}, {p.A})";
}
