using System.Globalization;
using FluentAssertions;
using FluentAssertions.Collections;
using FluentAssertions.Execution;

namespace XaiReference.Specs.Support;

/// <summary>
/// Element-by-element tolerance checks for float and double collections:
/// <c>values.Should().BeCloseTo(expected, absoluteTolerance, relativeTolerance, because)</c>.
/// </summary>
public static class NumberCollectionAssertionExtensions
{
    /// <summary>
    /// Asserts equal lengths, then |actual - expected| &lt;= absoluteTolerance + relativeTolerance * |expected|
    /// for every element; a failure names the worst element, its index and both values.
    /// </summary>
    /// <param name="assertions">FluentAssertions' assertions on the actual values.</param>
    /// <param name="expected">The reference values.</param>
    /// <param name="absoluteTolerance">Allowed absolute difference; say in <paramref name="because"/> why.</param>
    /// <param name="relativeTolerance">Allowed difference as a fraction of |expected|.</param>
    /// <param name="because">Why the values are expected, and why this tolerance.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    public static AndConstraint<GenericCollectionAssertions<float>> BeCloseTo(
        this GenericCollectionAssertions<float> assertions,
        IEnumerable<float> expected,
        double absoluteTolerance,
        double relativeTolerance,
        string because = "",
        params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(assertions);
        ArgumentNullException.ThrowIfNull(expected);
        Check(
            assertions.Subject?.Select(v => (double)v).ToArray(),
            expected.Select(v => (double)v).ToArray(),
            absoluteTolerance,
            relativeTolerance,
            because,
            becauseArgs);
        return new AndConstraint<GenericCollectionAssertions<float>>(assertions);
    }

    /// <summary>
    /// Asserts equal lengths, then |actual - expected| &lt;= absoluteTolerance + relativeTolerance * |expected|
    /// for every element; a failure names the worst element, its index and both values.
    /// </summary>
    /// <param name="assertions">FluentAssertions' assertions on the actual values.</param>
    /// <param name="expected">The reference values.</param>
    /// <param name="absoluteTolerance">Allowed absolute difference; say in <paramref name="because"/> why.</param>
    /// <param name="relativeTolerance">Allowed difference as a fraction of |expected|.</param>
    /// <param name="because">Why the values are expected, and why this tolerance.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    public static AndConstraint<GenericCollectionAssertions<double>> BeCloseTo(
        this GenericCollectionAssertions<double> assertions,
        IEnumerable<double> expected,
        double absoluteTolerance,
        double relativeTolerance,
        string because = "",
        params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(assertions);
        ArgumentNullException.ThrowIfNull(expected);
        Check(
            assertions.Subject?.ToArray(),
            expected.ToArray(),
            absoluteTolerance,
            relativeTolerance,
            because,
            becauseArgs);
        return new AndConstraint<GenericCollectionAssertions<double>>(assertions);
    }

    private static void Check(
        double[]? actual,
        double[] expected,
        double absoluteTolerance,
        double relativeTolerance,
        string because,
        object[] becauseArgs)
    {
        var success = Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(actual is not null)
            .FailWith("Expected {context:collection} to hold " + expected.Length + " values{reason}, but it is <null>.")
            .Then
            .ForCondition(actual!.Length == expected.Length)
            .FailWith("Expected {context:collection} to hold " + expected.Length + " values{reason}, but it holds "
                      + actual.Length + ".");
        if (!success)
        {
            return;
        }

        var comparison = ElementwiseComparison.Of(actual, expected, absoluteTolerance, relativeTolerance);
        var tolerance = string.Create(
            CultureInfo.InvariantCulture, $"abs {absoluteTolerance:G4}, rel {relativeTolerance:G4}");
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(comparison.Passed)
            .FailWith(
                "Expected {context:collection} to be close to the expected values (" + tolerance + "){reason}, but "
                + comparison.FailingCount + " of " + expected.Length + " elements differ; the worst is at index "
                + comparison.WorstIndex + ": " + comparison.DescribeWorst() + ".");
    }
}
