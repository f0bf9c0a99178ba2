namespace XaiReference.Segmentation;

/// <summary>
/// sRGB to CIE L*a*b* conversion, computed the way scikit-image's <c>rgb2lab</c> computes it:
/// reference white D65 with the 2 degree observer, <c>(0.95047, 1, 1.08883)</c>.
/// </summary>
/// <remarks>
/// Two steps. First sRGB to XYZ: each channel <c>c</c> is linearised as
/// <c>((c + 0.055) / 1.055)^2.4</c> when <c>c &gt; 0.04045</c> and <c>c / 12.92</c> otherwise, then
/// multiplied by the sRGB matrix with rows (0.412453, 0.357580, 0.180423), (0.212671, 0.715160,
/// 0.072169), (0.019334, 0.119193, 0.950227). Then XYZ to Lab: each of X, Y, Z is divided by the
/// white point, and <c>t</c> becomes <c>cbrt(t)</c> when <c>t &gt; 0.008856</c> and
/// <c>7.787 t + 16/116</c> otherwise; L = 116 fy - 16, a = 500 (fx - fy), b = 200 (fy - fz).
/// These constants (0.008856 and 7.787 instead of the exact (6/29)^3 and 841/108) are the ones
/// skimage uses, kept so that our Lab values agree with it to rounding.
/// </remarks>
public static class CieLab
{
    private const double WhiteX = 0.95047;
    private const double WhiteY = 1.0;
    private const double WhiteZ = 1.08883;

    /// <summary>Converts one sRGB colour to L*a*b*.</summary>
    /// <param name="red">Red in [0, 1] (values outside are converted by the same formula).</param>
    /// <param name="green">Green in [0, 1].</param>
    /// <param name="blue">Blue in [0, 1].</param>
    /// <returns>L in [0, 100] and a, b roughly in [-128, 128] for colours inside the sRGB cube.</returns>
    public static (double L, double A, double B) FromSrgb(double red, double green, double blue)
    {
        var r = Linearise(red);
        var g = Linearise(green);
        var b = Linearise(blue);

        var x = (r * 0.412453) + (g * 0.357580) + (b * 0.180423);
        var y = (r * 0.212671) + (g * 0.715160) + (b * 0.072169);
        var z = (r * 0.019334) + (g * 0.119193) + (b * 0.950227);

        var fx = Compress(x / WhiteX);
        var fy = Compress(y / WhiteY);
        var fz = Compress(z / WhiteZ);
        return ((116.0 * fy) - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz));
    }

    /// <summary>Converts interleaved RGB triples to interleaved Lab triples.</summary>
    /// <param name="rgb">HWC (or any) sequence of RGB triples; length a multiple of 3.</param>
    /// <param name="lab">Receives the Lab triples; same length as <paramref name="rgb"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ or are not a multiple of 3.</exception>
    public static void FromSrgb(ReadOnlySpan<double> rgb, Span<double> lab)
    {
        if (rgb.Length % 3 != 0)
        {
            throw new ArgumentException(
                $"Expected a length that is a multiple of 3 (RGB triples), got {rgb.Length}.", nameof(rgb));
        }

        if (lab.Length != rgb.Length)
        {
            throw new ArgumentException(
                $"Expected the same length as rgb ({rgb.Length}), got {lab.Length}.", nameof(lab));
        }

        // Neighbouring pixels often repeat a colour; reusing the last result changes no bits.
        var (lastR, lastG, lastB) = (double.NaN, double.NaN, double.NaN);
        var last = (L: 0.0, A: 0.0, B: 0.0);
        for (var i = 0; i < rgb.Length; i += 3)
        {
            var (r, g, b) = (rgb[i], rgb[i + 1], rgb[i + 2]);
            if (r != lastR || g != lastG || b != lastB)
            {
                last = FromSrgb(r, g, b);
                (lastR, lastG, lastB) = (r, g, b);
            }

            (lab[i], lab[i + 1], lab[i + 2]) = last;
        }
    }

    private static double Linearise(double channel) =>
        channel > 0.04045 ? Math.Pow((channel + 0.055) / 1.055, 2.4) : channel / 12.92;

    private static double Compress(double ratio) =>
        ratio > 0.008856 ? Math.Cbrt(ratio) : (7.787 * ratio) + (16.0 / 116.0);
}
