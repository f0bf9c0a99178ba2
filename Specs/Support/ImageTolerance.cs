using System.Globalization;

namespace XaiReference.Specs.Support;

/// <summary>
/// How far a received picture may be from its verified snapshot, on 0..255 channel values (R, G, B and A
/// each count as one value). All limits must hold. <c>default</c> is <see cref="Exact"/>.
/// </summary>
/// <remarks>
/// A few channel values may be allowed past <see cref="MaxChannelDifference"/> (<see cref="OutlierFraction"/>)
/// for figures whose numbers are pinned elsewhere and whose pixels follow a computation that rounding moves
/// in a few places, such as a colour map over a normalised map, or gradient ascent whose sign-normalised
/// steps turn rounding noise into visible specks. The mean limit still bounds the picture as a whole.
/// </remarks>
public readonly record struct ImageTolerance
{
    /// <summary>Creates a tolerance, checking that every limit is in range.</summary>
    /// <param name="maxChannelDifference">
    /// The largest allowed |received - verified| of a channel value, outliers apart.
    /// </param>
    /// <param name="meanChannelDifference">
    /// The largest allowed mean |received - verified| over all channel values.
    /// </param>
    /// <param name="outlierFraction">
    /// The fraction (0..1) of all channel values that may differ by more than
    /// <paramref name="maxChannelDifference"/>; 0, the default, allows none.
    /// </param>
    public ImageTolerance(int maxChannelDifference, double meanChannelDifference, double outlierFraction = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxChannelDifference);
        if (!(meanChannelDifference >= 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(meanChannelDifference), meanChannelDifference, "Expected a non-negative mean difference.");
        }

        if (!(outlierFraction is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(outlierFraction), outlierFraction, "Expected a fraction between 0 and 1.");
        }

        MaxChannelDifference = maxChannelDifference;
        MeanChannelDifference = meanChannelDifference;
        OutlierFraction = outlierFraction;
    }

    /// <summary>Every channel value must be identical: the default, since PNG is lossless.</summary>
    public static ImageTolerance Exact => default;

    /// <summary>The largest allowed |received - verified| of a channel value (0..255), outliers apart.</summary>
    public int MaxChannelDifference { get; }

    /// <summary>The largest allowed mean of |received - verified| over all channel values.</summary>
    public double MeanChannelDifference { get; }

    /// <summary>The fraction of channel values allowed past <see cref="MaxChannelDifference"/>.</summary>
    public double OutlierFraction { get; }

    /// <inheritdoc />
    public override string ToString()
    {
        var outliers = OutlierFraction > 0
            ? string.Create(CultureInfo.InvariantCulture, $" for all but {OutlierFraction:0.#####%} of the values")
            : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"max channel difference {MaxChannelDifference}{outliers}, mean {MeanChannelDifference:0.####}");
    }
}
