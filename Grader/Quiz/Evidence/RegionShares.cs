using XaiReference.Imaging;
using static TorchSharp.torch;

namespace XaiReference.Grader.Quiz.Evidence;

/// <summary>
/// How a non-negative map's mass splits over a picture's regions, as fractions that sum to 1
/// (all zero for an empty map).
/// </summary>
/// <param name="Food">Share of the mass on food pixels.</param>
/// <param name="Plate">Share on plate pixels.</param>
/// <param name="Background">Share on the table around the plate.</param>
/// <param name="Outline">Share within two pixels of a boundary between regions (overlaps the other three).</param>
public sealed record RegionShares(double Food, double Plate, double Background, double Outline)
{
    /// <summary>The region holding the largest share: "food", "plate" or "background".</summary>
    public string Dominant =>
        Food >= Plate && Food >= Background ? "food" : Plate >= Background ? "plate" : "background";

    /// <summary>Share of the named region.</summary>
    public double Of(string region) => region switch
    {
        "food" => Food,
        "plate" => Plate,
        "background" => Background,
        "outline" => Outline,
        _ => throw new ArgumentOutOfRangeException(
            nameof(region), region, "Expected food, plate, background or outline."),
    };

    /// <summary>The regions' own area shares of the picture: what a map spread evenly would give.</summary>
    public static RegionShares Area(RegionMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return Measure(Enumerable.Repeat(1.0, mask.Values.Length).ToArray(), mask);
    }

    /// <summary>Shares of a [H, W] map (negative values count as 0), upsampled to the mask by nearest pixel.</summary>
    public static RegionShares Of(Tensor map, RegionMask mask)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(mask);
        using var scope = NewDisposeScope();
        var resized = map.shape[0] == mask.Height && map.shape[1] == mask.Width
            ? map
            : nn.functional.interpolate(
                map.unsqueeze(0).unsqueeze(0), [mask.Height, mask.Width], mode: InterpolationMode.Nearest)[0, 0];
        var values = resized.detach().clamp_min(0).to(ScalarType.Float64).cpu().data<double>().ToArray();
        return Measure(values, mask);
    }

    private static RegionShares Measure(double[] values, RegionMask mask)
    {
        double food = 0, plate = 0, background = 0, outline = 0;
        for (var p = 0; p < values.Length; p++)
        {
            switch (mask.Values[p])
            {
                case 2:
                    food += values[p];
                    break;
                case 1:
                    plate += values[p];
                    break;
                default:
                    background += values[p];
                    break;
            }

            if (NearBoundary(mask, p))
            {
                outline += values[p];
            }
        }

        var total = food + plate + background;
        return total > 0
            ? new RegionShares(food / total, plate / total, background / total, outline / total)
            : new RegionShares(0, 0, 0, 0);
    }

    private static bool NearBoundary(RegionMask mask, int p)
    {
        var (y, x) = (p / mask.Width, p % mask.Width);
        var own = mask.Values[p];
        for (var dy = -2; dy <= 2; dy++)
        {
            for (var dx = -2; dx <= 2; dx++)
            {
                var (ny, nx) = (y + dy, x + dx);
                if (ny >= 0 && ny < mask.Height && nx >= 0 && nx < mask.Width
                    && mask.Values[ny * mask.Width + nx] != own)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
