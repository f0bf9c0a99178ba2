using System.Globalization;

namespace XaiReference.Specs.Support;

/// <summary>
/// How far a received picture may be from its verified snapshot, on 0..255 channel values (R, G, B and A
/// each count as one value). Both limits must hold. <c>default</c> is <see cref="Exact"/>.
/// </summary>
public readonly record struct ImageTolerance
{
    /// <summary>Creates a tolerance, checking that both limits are non-negative.</summary>
    /// <param name="maxChannelDifference">The largest allowed |received - verified| of any one channel value.</param>
    /// <param name="meanChannelDifference">
    /// The largest allowed mean |received - verified| over all channel values.
    /// </param>
    public ImageTolerance(int maxChannelDifference, double meanChannelDifference)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxChannelDifference);
        if (!(meanChannelDifference >= 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(meanChannelDifference), meanChannelDifference, "Expected a non-negative mean difference.");
        }

        MaxChannelDifference = maxChannelDifference;
        MeanChannelDifference = meanChannelDifference;
    }

    /// <summary>Every channel value must be identical: the default, since PNG is lossless.</summary>
    public static ImageTolerance Exact => default;

    /// <summary>The largest allowed |received - verified| of any one channel value (0..255).</summary>
    public int MaxChannelDifference { get; }

    /// <summary>The largest allowed mean of |received - verified| over all channel values.</summary>
    public double MeanChannelDifference { get; }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"max channel difference {MaxChannelDifference}, mean {MeanChannelDifference:0.####}");
}
