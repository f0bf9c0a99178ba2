using static TorchSharp.torch;

namespace XaiReference.Imaging;

/// <summary>Colour maps that turn a [H, W] map with values in [0, 1] into an RGB picture.</summary>
public enum ColorMap
{
    /// <summary>Black to white.</summary>
    Gray,

    /// <summary>
    /// Black, red, yellow, white: matplotlib's "hot", which the course uses for saliency. Red rises over
    /// the first 3/8 of the range, green over the next 3/8, blue over the last 1/4.
    /// </summary>
    Hot,

    /// <summary>Blue through white to red for signed maps scaled to [0, 1] with 0.5 as zero.</summary>
    Diverging,
}

/// <summary>Applies a <see cref="ColorMap"/> to maps.</summary>
public static class ColorMaps
{
    /// <summary>Colours a map.</summary>
    /// <param name="map">[H, W] values; clamped to [0, 1].</param>
    /// <param name="colorMap">The colour map.</param>
    /// <returns>[3, H, W] RGB in [0, 1].</returns>
    public static Tensor Apply(Tensor map, ColorMap colorMap)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (map.dim() != 2)
        {
            throw new ArgumentException(
                $"Expected a map shaped [H, W], got [{string.Join(", ", map.shape)}].", nameof(map));
        }

        using var scope = NewDisposeScope();
        var x = map.detach().to(ScalarType.Float32).clamp(0, 1);
        var rgb = colorMap switch
        {
            ColorMap.Gray => stack([x, x, x]),
            ColorMap.Hot => stack([
                (x * (8.0 / 3)).clamp(0, 1),
                (x * (8.0 / 3) - 1).clamp(0, 1),
                (x * 4 - 3).clamp(0, 1),
            ]),
            ColorMap.Diverging => stack([
                (x * 2).clamp(0, 1),
                1 - (x * 2 - 1).abs(),
                (2 - x * 2).clamp(0, 1),
            ]),
            _ => throw new ArgumentOutOfRangeException(nameof(colorMap), colorMap, "Unknown colour map."),
        };
        return rgb.MoveToOuterDisposeScope();
    }
}
