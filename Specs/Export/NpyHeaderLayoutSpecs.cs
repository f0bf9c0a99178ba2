using System.Text;
using FluentAssertions;
using NUnit.Framework;
using XaiReference.Export;

namespace XaiReference.Specs.Export;

/// <summary>
/// Our files follow the .npy 1.0 layout: magic, version, little-endian uint16 header length, an ASCII
/// dict padded with spaces and ended by a newline so that the data start at a multiple of 64 bytes.
/// </summary>
public sealed class NpyHeaderLayoutSpecs
{
    [Test]
    public void A_2_by_3_float32_file_should_have_the_documented_bytes()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("a.npy");

        NpyWriter.Write<float>(path, [1, 2, 3, 4, 5, 6], 2, 3);
        var bytes = File.ReadAllBytes(path);

        bytes[..8].Should().Equal(0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0);
        var headerLength = bytes[8] | (bytes[9] << 8);
        (10 + headerLength).Should().Be(128, "the 60-character dict, 20 spare spaces and a newline round up to 128");
        var header = Encoding.ASCII.GetString(bytes, 10, headerLength);
        const string dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
        header.Should().StartWith(dict).And.EndWith("\n");
        header[dict.Length..^1].Should().MatchRegex("^ +$");
        bytes.Length.Should().Be(128 + (6 * 4));
        BitConverter.ToSingle(bytes, 128).Should().Be(1f);
        BitConverter.ToSingle(bytes, 128 + 20).Should().Be(6f);
    }

    [TestCase(new long[0], "()")]
    [TestCase(new long[] { 5 }, "(5,)")]
    [TestCase(new long[] { 0, 3 }, "(0, 3)")]
    [TestCase(new long[] { 1, 1, 1, 1, 7 }, "(1, 1, 1, 1, 7)")]
    public void The_shape_should_be_written_as_a_python_tuple_and_the_data_start_64_byte_aligned(
        long[] shape,
        string tuple)
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("a.npy");
        var count = (int)shape.Aggregate(1L, (a, b) => a * b);

        NpyWriter.Write<byte>(path, new byte[count], shape);
        var bytes = File.ReadAllBytes(path);

        var headerLength = bytes[8] | (bytes[9] << 8);
        ((10 + headerLength) % 64).Should().Be(0);
        Encoding.ASCII.GetString(bytes, 10, headerLength)
            .Should().StartWith($"{{'descr': '|u1', 'fortran_order': False, 'shape': {tuple}, }}");
        bytes.Length.Should().Be(10 + headerLength + count);
    }

    private static IEnumerable<TestCaseData> SameArraysAsNumpy()
    {
        yield return Case("float32_2x3x4.npy", NpyArray.Create<float>(NumpySamples.Float32, NumpySamples.Shape));
        yield return Case("float64_2x3x4.npy", NpyArray.Create<double>(NumpySamples.Float64, NumpySamples.Shape));
        yield return Case("int32_2x3x4.npy", NpyArray.Create<int>(NumpySamples.Int32, NumpySamples.Shape));
        yield return Case("int64_2x3x4.npy", NpyArray.Create<long>(NumpySamples.Int64, NumpySamples.Shape));
        yield return Case("uint8_2x3x4.npy", NpyArray.Create<byte>(NumpySamples.UInt8, NumpySamples.Shape));
        yield return Case("float64_scalar.npy", NpyArray.Create<double>([2.5]));
        yield return Case("int64_empty_0x3.npy", NpyArray.Create<long>([], 0, 3));

        static TestCaseData Case(string name, NpyArray array) => new TestCaseData(name, array).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(SameArraysAsNumpy))]
    public void Our_file_should_be_byte_identical_to_numpy_saves_of_the_same_array(string numpyFile, NpyArray array)
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("ours.npy");

        NpyWriter.Write(path, array);

        File.ReadAllBytes(path).Should().Equal(File.ReadAllBytes(Path.Combine(NumpySamples.Folder, numpyFile)));
    }
}
