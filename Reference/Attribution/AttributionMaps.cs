using static TorchSharp.torch;

namespace XaiReference.Attribution;

/// <summary>Turns attributions into display maps: channel reductions and per-picture min-max normalisation.</summary>
public static class AttributionMaps
{
    /// <summary>
    /// Scales each picture (each index of the first dimension) to [0, 1] over all its other dimensions:
    /// (s - min) / (max - min), the course's <c>normalize</c>.
    /// </summary>
    /// <param name="values">[N, ...] values; not changed.</param>
    /// <returns>A new tensor of the same shape. A constant picture becomes all zeros, where the course's
    /// formula would divide 0 by 0 and give NaN.</returns>
    public static Tensor MinMaxPerPicture(Tensor values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.dim() < 1)
        {
            throw new ArgumentException(
                $"Expected a tensor with a picture dimension first, got a scalar.", nameof(values));
        }

        using var scope = NewDisposeScope();

        // [N, ...] -> [N, D] rows; per-row min and range, broadcast back over D.
        var rows = values.flatten(1);
        var low = rows.amin([1], keepdim: true);
        var range = rows.amax([1], keepdim: true) - low;
        var safeRange = where(range > 0, range, ones_like(range));
        var scaled = (rows - low) / safeRange;
        return scaled.reshape(values.shape).MoveToOuterDisposeScope();
    }

    /// <summary>Folds the channels of [N, C, H, W] attributions into [N, H, W].</summary>
    /// <param name="attributions">[N, C, H, W]; not changed.</param>
    /// <param name="reduction">Largest absolute value or signed sum.</param>
    public static Tensor ReduceChannels(Tensor attributions, ChannelReduction reduction)
    {
        ArgumentNullException.ThrowIfNull(attributions);
        if (attributions.dim() != 4)
        {
            throw new ArgumentException(
                $"Expected attributions shaped [N, C, H, W], got [{string.Join(", ", attributions.shape)}].",
                nameof(attributions));
        }

        return reduction switch
        {
            ChannelReduction.MaxOfAbsolute => attributions.abs().amax([1]),
            ChannelReduction.Sum => attributions.sum(1),
            _ => throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "Unknown channel reduction."),
        };
    }

    /// <summary>Renders [N, C, H, W] attributions as the [N, H, W] display map the style describes.</summary>
    /// <param name="attributions">[N, C, H, W]; not changed.</param>
    /// <param name="style">The reduction and the normalisation, in its order.</param>
    public static Tensor Render(Tensor attributions, MapStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        using var scope = NewDisposeScope();

        var map = style.Normalization switch
        {
            MapNormalization.None => ReduceChannels(attributions, style.Reduction),
            MapNormalization.AfterReduction => MinMaxPerPicture(ReduceChannels(attributions, style.Reduction)),
            MapNormalization.BeforeReduction => ReduceChannels(MinMaxPerPicture(attributions), style.Reduction),
            _ => throw new ArgumentOutOfRangeException(
                nameof(style), style.Normalization, "Unknown map normalisation."),
        };
        return map.MoveToOuterDisposeScope();
    }
}
