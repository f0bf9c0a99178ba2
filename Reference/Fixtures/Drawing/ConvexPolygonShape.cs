namespace XaiReference.Fixtures.Drawing;

/// <summary>A convex polygon; the signed distance is the largest distance to an edge line.</summary>
internal sealed class ConvexPolygonShape : Shape
{
    private readonly (double X, double Y)[] points;
    private readonly (double Nx, double Ny, double Offset)[] edges;

    public ConvexPolygonShape(IReadOnlyList<(double X, double Y)> points)
    {
        this.points = [.. points];

        // Twice the signed area tells the winding; outward normals follow from it.
        var area2 = 0.0;
        for (var i = 0; i < this.points.Length; i++)
        {
            var (x0, y0) = this.points[i];
            var (x1, y1) = this.points[(i + 1) % this.points.Length];
            area2 += (x0 * y1) - (x1 * y0);
        }

        var sign = area2 >= 0 ? 1.0 : -1.0;
        edges = new (double, double, double)[this.points.Length];
        for (var i = 0; i < this.points.Length; i++)
        {
            var (x0, y0) = this.points[i];
            var (x1, y1) = this.points[(i + 1) % this.points.Length];
            var nx = sign * (y1 - y0);
            var ny = sign * (x0 - x1);
            var length = Math.Sqrt((nx * nx) + (ny * ny));
            nx /= length;
            ny /= length;
            edges[i] = (nx, ny, (nx * x0) + (ny * y0));
        }
    }

    public override (double MinX, double MinY, double MaxX, double MaxY) Bounds =>
        (points.Min(p => p.X), points.Min(p => p.Y), points.Max(p => p.X), points.Max(p => p.Y));

    public override double SignedDistance(double x, double y)
    {
        var distance = double.NegativeInfinity;
        foreach (var (nx, ny, offset) in edges)
        {
            distance = Math.Max(distance, (nx * x) + (ny * y) - offset);
        }

        return distance;
    }

    /// <summary>The convex hull of <paramref name="points"/> (Andrew's monotone chain).</summary>
    public static ConvexPolygonShape Hull(IEnumerable<(double X, double Y)> points)
    {
        var sorted = points.OrderBy(p => p.X).ThenBy(p => p.Y).ToArray();
        var hull = new List<(double X, double Y)>();
        for (var pass = 0; pass < 2; pass++)
        {
            var start = hull.Count;
            foreach (var p in sorted)
            {
                while (hull.Count >= start + 2 && Cross(hull[^2], hull[^1], p) <= 0)
                {
                    hull.RemoveAt(hull.Count - 1);
                }

                hull.Add(p);
            }

            hull.RemoveAt(hull.Count - 1);
            Array.Reverse(sorted);
        }

        return new ConvexPolygonShape(hull);
    }

    private static double Cross((double X, double Y) o, (double X, double Y) a, (double X, double Y) b) =>
        ((a.X - o.X) * (b.Y - o.Y)) - ((a.Y - o.Y) * (b.X - o.X));
}
