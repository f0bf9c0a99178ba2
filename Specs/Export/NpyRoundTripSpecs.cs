using FluentAssertions;
using NUnit.Framework;
using XaiReference.Export;

namespace XaiReference.Specs.Export;

/// <summary>What we write we read back unchanged: type, shape and every element's bits.</summary>
public sealed class NpyRoundTripSpecs
{
    private static readonly long[][] Shapes =
        [[], [0], [5], [2, 3], [3, 0], [2, 3, 4], [1, 1, 1, 1, 7], [128, 128]];

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (var shape in Shapes)
        {
            var name = $"({string.Join(", ", shape)})";
            foreach (var type in Enum.GetValues<NpyDataType>())
            {
                yield return new TestCaseData(type, shape).SetArgDisplayNames(type.ToString(), name);
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Writing_then_reading_should_give_back_the_same_array(NpyDataType type, long[] shape)
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("round.npy");
        var count = (int)shape.Aggregate(1L, (a, b) => a * b);

        switch (type)
        {
            case NpyDataType.Float32:
                Check(path, Values(count, i => SpecialSingles[i % SpecialSingles.Length] * (1 + i)), shape);
                break;
            case NpyDataType.Float64:
                Check(path, Values(count, i => SpecialDoubles[i % SpecialDoubles.Length] / (1 + i)), shape);
                break;
            case NpyDataType.Int32:
                Check(path, Values(count, i => (i % 2 == 0 ? int.MinValue : int.MaxValue) - i), shape);
                break;
            case NpyDataType.Int64:
                Check(path, Values(count, i => (i % 2 == 0 ? long.MinValue : long.MaxValue) - i), shape);
                break;
            default:
                Check(path, Values(count, i => (byte)(i * 37)), shape);
                break;
        }
    }

    private static readonly float[] SpecialSingles =
        [float.NaN, -0f, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, float.MaxValue, 0.1f];

    private static readonly double[] SpecialDoubles =
        [double.NaN, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, double.MaxValue, 0.1];

    private static T[] Values<T>(int count, Func<int, T> make) => Enumerable.Range(0, count).Select(make).ToArray();

    private static void Check<T>(string path, T[] values, long[] shape)
        where T : unmanaged
    {
        NpyWriter.Write<T>(path, values, shape);
        var back = NpyReader.Read(path);

        back.Shape.Should().Equal(shape);
        back.ElementCount.Should().Be(values.Length);
        // Compare bits, so that NaN equals NaN and -0 differs from +0.
        var expected = System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
        var actual = System.Runtime.InteropServices.MemoryMarshal.AsBytes(back.ToArray<T>().AsSpan()).ToArray();
        actual.Should().Equal(expected);
    }
}
