namespace XaiReference.Fixtures.Drawing;

/// <summary>A thick line segment with round ends: all points within <c>radius</c> of the segment.</summary>
internal sealed class CapsuleShape : Shape
{
    private readonly double ax;
    private readonly double ay;
    private readonly double bx;
    private readonly double by;
    private readonly double radius;

    public CapsuleShape(double ax, double ay, double bx, double by, double radius)
    {
        this.ax = ax;
        this.ay = ay;
        this.bx = bx;
        this.by = by;
        this.radius = radius;
    }

    public override (double MinX, double MinY, double MaxX, double MaxY) Bounds =>
        (Math.Min(ax, bx) - radius, Math.Min(ay, by) - radius, Math.Max(ax, bx) + radius, Math.Max(ay, by) + radius);

    public override double SignedDistance(double x, double y) => DistanceToAxis(x, y) - radius;

    public double DistanceToAxis(double x, double y)
    {
        var ex = bx - ax;
        var ey = by - ay;
        var length2 = (ex * ex) + (ey * ey);
        var t = length2 < 1e-12 ? 0 : StableMath.Clamp01((((x - ax) * ex) + ((y - ay) * ey)) / length2);
        var dx = x - (ax + (t * ex));
        var dy = y - (ay + (t * ey));
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}
