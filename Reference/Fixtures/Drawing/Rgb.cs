namespace XaiReference.Fixtures.Drawing;

/// <summary>A colour with channels on the 0..255 scale, kept as doubles until the picture is quantised.</summary>
internal readonly record struct Rgb(double R, double G, double B)
{
    public Rgb Scale(double factor) => new(R * factor, G * factor, B * factor);

    public Rgb Mix(Rgb other, double t) =>
        new(R + ((other.R - R) * t), G + ((other.G - G) * t), B + ((other.B - B) * t));

    /// <summary>Hue in [0, 1), saturation and value in [0, 1]; the textbook HSV sextant formula.</summary>
    public static Rgb FromHsv(double hue, double saturation, double value)
    {
        var h = (hue - Math.Floor(hue)) * 6.0;
        var sector = (int)h;
        var f = h - sector;
        var p = value * (1 - saturation);
        var q = value * (1 - (saturation * f));
        var t = value * (1 - (saturation * (1 - f)));
        var (r, g, b) = sector switch
        {
            0 => (value, t, p),
            1 => (q, value, p),
            2 => (p, value, t),
            3 => (p, q, value),
            4 => (t, p, value),
            _ => (value, p, q),
        };
        return new Rgb(r * 255, g * 255, b * 255);
    }
}
