namespace XaiReference.Fixtures;

/// <summary>The axis-aligned ellipse of a generated plate, in pixel coordinates (pixel centres at +0.5).</summary>
/// <param name="CentreX">Horizontal centre, in pixels from the left edge.</param>
/// <param name="CentreY">Vertical centre, in pixels from the top edge.</param>
/// <param name="RadiusX">Horizontal half axis, in pixels.</param>
/// <param name="RadiusY">Vertical half axis, in pixels.</param>
public sealed record PlateShape(double CentreX, double CentreY, double RadiusX, double RadiusY)
{
    /// <summary>Whether the centre of pixel (<paramref name="column"/>, <paramref name="row"/>) is on it.</summary>
    /// <param name="column">Pixel column.</param>
    /// <param name="row">Pixel row.</param>
    public bool Contains(int column, int row)
    {
        var u = (column + 0.5 - CentreX) / RadiusX;
        var v = (row + 0.5 - CentreY) / RadiusY;
        return (u * u) + (v * v) <= 1.0;
    }
}
