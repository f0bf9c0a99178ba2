using System.Globalization;
using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;
using TorchSharp;
using static TorchSharp.torch;

namespace XaiReference.Specs.Support;

/// <summary>FluentAssertions for TorchSharp tensors: shape first, then values with a stated tolerance.</summary>
public sealed class TensorAssertions : ReferenceTypeAssertions<Tensor, TensorAssertions>
{
    /// <summary>Wraps the tensor under test.</summary>
    /// <param name="subject">The tensor under test.</param>
    public TensorAssertions(Tensor subject)
        : base(subject)
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "tensor";

    /// <summary>Asserts the tensor's shape.</summary>
    /// <param name="shape">The expected shape, e.g. <c>[2, 11]</c>.</param>
    /// <param name="because">Why the shape is expected.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    public AndConstraint<TensorAssertions> HaveShape(
        IReadOnlyList<long> shape,
        string because = "",
        params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null)
            .FailWith("Expected {context:tensor} to have shape " + Format(shape) + "{reason}, but it is <null>.")
            .Then
            .ForCondition(Subject!.shape.SequenceEqual(shape))
            .FailWith("Expected {context:tensor} to have shape " + Format(shape) + "{reason}, but found "
                      + Format(Subject.shape) + ".");

        return new AndConstraint<TensorAssertions>(this);
    }

    /// <summary>
    /// Asserts that the tensor has <paramref name="expected"/>'s shape and that every element satisfies
    /// |actual - expected| &lt;= absoluteTolerance + relativeTolerance * |expected|. Values are compared in
    /// double precision whatever the dtypes; a failure names the worst element, its index and both values.
    /// </summary>
    /// <param name="expected">The reference tensor.</param>
    /// <param name="absoluteTolerance">Allowed absolute difference; say in <paramref name="because"/> why.</param>
    /// <param name="relativeTolerance">Allowed difference as a fraction of |expected|.</param>
    /// <param name="because">Why the values are expected, and why this tolerance.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    public AndConstraint<TensorAssertions> BeCloseTo(
        Tensor expected,
        double absoluteTolerance,
        double relativeTolerance,
        string because = "",
        params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(expected);
        HaveShape(expected.shape, because, becauseArgs);
        if (Subject is null || !Subject.shape.SequenceEqual(expected.shape))
        {
            return new AndConstraint<TensorAssertions>(this); // reported above, inside an AssertionScope
        }

        var comparison = ElementwiseComparison.Of(
            Values(Subject), Values(expected), absoluteTolerance, relativeTolerance);
        var tolerance = string.Create(
            CultureInfo.InvariantCulture, $"abs {absoluteTolerance:G4}, rel {relativeTolerance:G4}");
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(comparison.Passed)
            .FailWith(
                "Expected {context:tensor} to be close to the expected tensor (" + tolerance + "){reason}, but "
                + comparison.FailingCount + " of "
                + Subject.numel() + " elements differ; the worst is at index " + comparison.IndexIn(expected.shape)
                + ": " + comparison.DescribeWorst() + ".");

        return new AndConstraint<TensorAssertions>(this);
    }

    /// <summary>The tensor's elements as doubles, row-major.</summary>
    /// <param name="tensor">Any real-valued tensor, on any device.</param>
    public static double[] Values(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var scope = NewDisposeScope();
        return tensor.detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
    }

    private static string Format(IEnumerable<long> shape) => $"[{string.Join(", ", shape)}]";
}
