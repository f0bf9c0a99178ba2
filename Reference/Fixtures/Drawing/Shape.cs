namespace XaiReference.Fixtures.Drawing;

/// <summary>
/// A filled region described by an approximate signed distance in pixels (negative inside),
/// which gives anti-aliased edges: coverage = clamp(0.5 - distance / softness).
/// </summary>
internal abstract class Shape
{
    /// <summary>Bounding box, in pixel coordinates, before the soft edge is added.</summary>
    public abstract (double MinX, double MinY, double MaxX, double MaxY) Bounds { get; }

    public abstract double SignedDistance(double x, double y);
}
