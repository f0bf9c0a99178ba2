using System.Globalization;

namespace XaiReference.Specs.Support;

/// <summary>
/// How far a received number may be from its verified value: |received - verified| must not exceed
/// <c>Absolute + Relative * |verified|</c> (the rule of numpy's <c>isclose</c>). Equal values pass, NaN and
/// infinities included. <c>default</c> is <see cref="Exact"/>.
/// </summary>
public readonly record struct NumberTolerance
{
    /// <summary>Creates a tolerance, checking that both parts are non-negative.</summary>
    /// <param name="absolute">The allowed absolute difference; covers values near zero.</param>
    /// <param name="relative">The allowed difference as a fraction of |verified|; covers large values.</param>
    public NumberTolerance(double absolute, double relative)
    {
        if (!(absolute >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(absolute), absolute, "Expected a non-negative tolerance.");
        }

        if (!(relative >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(relative), relative, "Expected a non-negative tolerance.");
        }

        Absolute = absolute;
        Relative = relative;
    }

    /// <summary>Numbers must be equal: the default.</summary>
    public static NumberTolerance Exact => default;

    /// <summary>The allowed absolute difference.</summary>
    public double Absolute { get; }

    /// <summary>The allowed difference as a fraction of |verified|.</summary>
    public double Relative { get; }

    /// <summary>Whether <paramref name="received"/> is within this tolerance of <paramref name="verified"/>.</summary>
    /// <param name="received">The value the spec produced.</param>
    /// <param name="verified">The stored value.</param>
    public bool Allows(double received, double verified) =>
        received.Equals(verified) || Math.Abs(received - verified) <= Absolute + Relative * Math.Abs(verified);

    /// <summary>Describes how two numbers differ: both values, the absolute and the relative difference.</summary>
    /// <param name="received">The value the spec produced.</param>
    /// <param name="verified">The stored value.</param>
    public static string Describe(double received, double verified)
    {
        var abs = Math.Abs(received - verified);
        var rel = abs / Math.Abs(verified);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"received {received:R}, verified {verified:R} (abs diff {abs:G4}, rel diff {rel:G4})");
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"abs {Absolute:G4}, rel {Relative:G4}");
}
