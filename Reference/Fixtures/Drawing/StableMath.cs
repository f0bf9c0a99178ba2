namespace XaiReference.Fixtures.Drawing;

/// <summary>
/// Sine and cosine from additions and multiplications only. <see cref="Math.Sin"/> may differ in
/// its last bit between platforms and runtimes, which can flip a rounded pixel; these cannot.
/// </summary>
internal static class StableMath
{
    private const double TwoPi = 2.0 * Math.PI;

    // 1 / ((2k)(2k + 1)) for k = 1 .. 7: the ratio of consecutive terms of the sine series, without division.
    private static readonly double[] TermRatios =
        [.. Enumerable.Range(1, 7).Select(k => 1.0 / (2 * k * ((2 * k) + 1)))];

    public static double Sin(double x)
    {
        // Reduce to [-pi, pi], then fold onto [-pi/2, pi/2] where the series converges fast.
        var r = x - (TwoPi * Math.Round(x / TwoPi));
        if (r > Math.PI / 2)
        {
            r = Math.PI - r;
        }
        else if (r < -Math.PI / 2)
        {
            r = -Math.PI - r;
        }

        // Taylor series to x^15; the first omitted term is below 7e-12 on [-pi/2, pi/2].
        var r2 = r * r;
        var term = r;
        var sum = r;
        foreach (var ratio in TermRatios)
        {
            term *= -r2 * ratio;
            sum += term;
        }

        return sum;
    }

    public static double Cos(double x) => Sin(x + (Math.PI / 2));

    public static double Clamp01(double x) => x < 0 ? 0 : x > 1 ? 1 : x;

    public static double SmoothStep(double x)
    {
        var t = Clamp01(x);
        return t * t * (3 - (2 * t));
    }
}
