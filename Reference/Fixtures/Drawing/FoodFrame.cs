namespace XaiReference.Fixtures.Drawing;

/// <summary>
/// The food's own coordinates: the origin at the food's centre, one unit = <c>Radius</c> pixels,
/// axes turned by <c>Angle</c> radians. Food painters think in these units.
/// </summary>
internal sealed class FoodFrame
{
    private readonly double cos;
    private readonly double sin;

    public FoodFrame(double centreX, double centreY, double radius, double angle)
    {
        CentreX = centreX;
        CentreY = centreY;
        Radius = radius;
        Angle = angle;
        cos = StableMath.Cos(angle);
        sin = StableMath.Sin(angle);
    }

    public double CentreX { get; }

    public double CentreY { get; }

    public double Radius { get; }

    public double Angle { get; }

    public (double X, double Y) ToPixel(double u, double v) =>
        (CentreX + (Radius * ((u * cos) - (v * sin))), CentreY + (Radius * ((u * sin) + (v * cos))));

    public (double U, double V) ToLocal(double x, double y)
    {
        var dx = (x - CentreX) / Radius;
        var dy = (y - CentreY) / Radius;
        return ((dx * cos) + (dy * sin), (-dx * sin) + (dy * cos));
    }

    public EllipseShape Ellipse(double u, double v, double ru, double rv, double angle = 0)
    {
        var (x, y) = ToPixel(u, v);
        return new EllipseShape(x, y, ru * Radius, rv * Radius, Angle + angle);
    }

    public CapsuleShape Capsule(double u0, double v0, double u1, double v1, double radius)
    {
        var (x0, y0) = ToPixel(u0, v0);
        var (x1, y1) = ToPixel(u1, v1);
        return new CapsuleShape(x0, y0, x1, y1, radius * Radius);
    }

    public ConvexPolygonShape Polygon(params (double U, double V)[] points) =>
        new([.. points.Select(p => ToPixel(p.U, p.V))]);
}
