using NUnit.Framework;
using static TorchSharp.torch;

namespace XaiReference.Specs.Attribution;

/// <summary>Compares tensors: shape first, then the worst element, reported with its index.</summary>
internal static class TensorComparison
{
    /// <summary>
    /// Passes when the shapes match and |actual - expected| &lt;= absolute + relative * |expected| everywhere.
    /// </summary>
    public static void ShouldBeClose(
        this Tensor actual,
        Tensor expected,
        double absolute,
        double relative,
        string because)
    {
        var actualShape = string.Join(", ", actual.shape);
        var expectedShape = string.Join(", ", expected.shape);
        Assert.That(actualShape, Is.EqualTo(expectedShape), $"shapes differ; {because}");

        using var scope = NewDisposeScope();
        var a = actual.detach().to(ScalarType.Float64).flatten();
        var e = expected.detach().to(ScalarType.Float64).flatten();
        var excess = (a - e).abs() - (absolute + relative * e.abs());
        var worst = excess.argmax().item<long>();
        var worstExcess = excess[worst].item<double>();
        if (worstExcess > 0 || double.IsNaN(worstExcess))
        {
            Assert.Fail(
                $"Worst element [{string.Join(", ", Unravel(worst, actual.shape))}]: "
                + $"actual {a[worst].item<double>():R}, "
                + $"expected {e[worst].item<double>():R}, beyond the tolerance {absolute} + {relative} * |expected| "
                + $"by {worstExcess:G3}; {because}");
        }
    }

    /// <summary>The largest |element|, as a double.</summary>
    public static double MaxAbs(this Tensor tensor) =>
        tensor.detach().abs().max().to(ScalarType.Float64).item<double>();

    private static long[] Unravel(long flat, long[] shape)
    {
        var index = new long[shape.Length];
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }

        return index;
    }
}
