using System.Globalization;

namespace XaiReference.Specs.Support;

/// <summary>
/// The outcome of comparing two equally long runs of numbers element by element: an element fails when
/// |actual - expected| &gt; absolute + relative * |expected| (numpy's <c>isclose</c> rule); equal values
/// pass, NaN included. The worst element is the one that exceeds its allowance the most (NaN against a
/// number counts as worst of all).
/// </summary>
/// <param name="FailingCount">How many elements are out of tolerance.</param>
/// <param name="WorstIndex">Flat (row-major) index of the worst element; -1 when none fails.</param>
/// <param name="Actual">The actual value of the worst element.</param>
/// <param name="Expected">The expected value of the worst element.</param>
public sealed record ElementwiseComparison(int FailingCount, int WorstIndex, double Actual, double Expected)
{
    /// <summary>Whether every element is within tolerance.</summary>
    public bool Passed => FailingCount == 0;

    /// <summary>Compares <paramref name="actual"/> with <paramref name="expected"/>, element by element.</summary>
    /// <param name="actual">The values under test.</param>
    /// <param name="expected">The reference values, as long as <paramref name="actual"/>.</param>
    /// <param name="absoluteTolerance">Allowed absolute difference, non-negative.</param>
    /// <param name="relativeTolerance">Allowed difference as a fraction of |expected|, non-negative.</param>
    public static ElementwiseComparison Of(
        ReadOnlySpan<double> actual,
        ReadOnlySpan<double> expected,
        double absoluteTolerance,
        double relativeTolerance)
    {
        if (actual.Length != expected.Length)
        {
            throw new ArgumentException(
                $"Expected {expected.Length} actual values, got {actual.Length}.", nameof(actual));
        }

        if (!(absoluteTolerance >= 0) || !(relativeTolerance >= 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(absoluteTolerance),
                $"Expected non-negative tolerances, got abs {absoluteTolerance} and rel {relativeTolerance}.");
        }

        var (failing, worstIndex, worstExcess) = (0, -1, double.NegativeInfinity);
        for (var i = 0; i < actual.Length; i++)
        {
            var (a, e) = (actual[i], expected[i]);
            if (a.Equals(e))
            {
                continue;
            }

            var excess = Math.Abs(a - e) - (absoluteTolerance + relativeTolerance * Math.Abs(e));
            if (double.IsNaN(excess))
            {
                excess = double.PositiveInfinity;
            }

            if (excess <= 0)
            {
                continue;
            }

            failing++;
            if (excess > worstExcess)
            {
                (worstIndex, worstExcess) = (i, excess);
            }
        }

        return worstIndex < 0
            ? new ElementwiseComparison(0, -1, double.NaN, double.NaN)
            : new ElementwiseComparison(failing, worstIndex, actual[worstIndex], expected[worstIndex]);
    }

    /// <summary>The worst element's index in a tensor of the given shape, e.g. <c>[1, 0, 2]</c>.</summary>
    /// <param name="shape">The shape the flat index runs over, row-major.</param>
    public string IndexIn(IReadOnlyList<long> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var index = new long[shape.Count];
        long rest = WorstIndex;
        for (var d = shape.Count - 1; d >= 0; d--)
        {
            index[d] = rest % shape[d];
            rest /= shape[d];
        }

        return $"[{string.Join(", ", index)}]";
    }

    /// <summary>The worst element's values and differences, e.g. for a failure message.</summary>
    public string DescribeWorst()
    {
        var abs = Math.Abs(Actual - Expected);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"actual {Actual:R}, expected {Expected:R} (abs diff {abs:G4}, rel diff {abs / Math.Abs(Expected):G4})");
    }
}
