namespace XaiReference.Fixtures.Drawing;

/// <summary>An ellipse rotated by <c>angle</c> radians about its centre.</summary>
internal sealed class EllipseShape : Shape
{
    private readonly double cx;
    private readonly double cy;
    private readonly double rx;
    private readonly double ry;
    private readonly double cos;
    private readonly double sin;

    public EllipseShape(double cx, double cy, double rx, double ry, double angle = 0)
    {
        this.cx = cx;
        this.cy = cy;
        this.rx = Math.Max(rx, 0.25);
        this.ry = Math.Max(ry, 0.25);
        cos = StableMath.Cos(angle);
        sin = StableMath.Sin(angle);
    }

    public override (double MinX, double MinY, double MaxX, double MaxY) Bounds
    {
        get
        {
            var r = Math.Max(rx, ry);
            return (cx - r, cy - r, cx + r, cy + r);
        }
    }

    public override double SignedDistance(double x, double y)
    {
        var dx = x - cx;
        var dy = y - cy;
        var u = (dx * cos) + (dy * sin);
        var v = (-dx * sin) + (dy * cos);

        // First-order distance to the level set k = 1 of k = |(u/rx, v/ry)|: (k - 1) / |grad k|.
        var gu = u / (rx * rx);
        var gv = v / (ry * ry);
        var k = Math.Sqrt(((u / rx) * (u / rx)) + ((v / ry) * (v / ry)));
        var gradient = Math.Sqrt((gu * gu) + (gv * gv));
        return gradient < 1e-9 ? -Math.Min(rx, ry) : (k - 1) * k / gradient;
    }
}
