using FluentAssertions;
using NUnit.Framework;
using XaiReference.Export;

namespace XaiReference.Specs.Export;

/// <summary>Files written by NumPy 1.24's numpy.save are read with the right type, shape and values.</summary>
public sealed class NumpyWrittenFilesSpecs
{
    private static string Sample(string name) => Path.Combine(NumpySamples.Folder, name);

    [Test]
    public void Float32_should_be_read_exactly()
    {
        var array = NpyReader.Read(Sample("float32_2x3x4.npy"));

        array.DataType.Should().Be(NpyDataType.Float32);
        array.Shape.Should().Equal(NumpySamples.Shape);
        array.ToArray<float>().Should().Equal(NumpySamples.Float32, "v * 0.5 - 3 is exact in float32");
    }

    [Test]
    public void Float64_should_be_read_bit_for_bit()
    {
        var array = NpyReader.Read(Sample("float64_2x3x4.npy"));

        array.DataType.Should().Be(NpyDataType.Float64);
        array.Shape.Should().Equal(NumpySamples.Shape);
        array.ToArray<double>().Should().Equal(
            NumpySamples.Float64, "NumPy and .NET both round v / 3.0 - 2.0 to the nearest double");
    }

    [Test]
    public void Int32_int64_and_uint8_should_be_read_exactly()
    {
        var int32 = NpyReader.Read(Sample("int32_2x3x4.npy"));
        var int64 = NpyReader.Read(Sample("int64_2x3x4.npy"));
        var uint8 = NpyReader.Read(Sample("uint8_2x3x4.npy"));

        (int32.DataType, int64.DataType, uint8.DataType)
            .Should().Be((NpyDataType.Int32, NpyDataType.Int64, NpyDataType.UInt8));
        int32.ToArray<int>().Should().Equal(NumpySamples.Int32);
        int64.ToArray<long>().Should().Equal(NumpySamples.Int64);
        uint8.ToArray<byte>().Should().Equal(NumpySamples.UInt8);
        uint8.Shape.Should().Equal(NumpySamples.Shape);
    }

    [Test]
    public void A_0_dimensional_array_should_have_an_empty_shape_and_one_element()
    {
        var array = NpyReader.Read(Sample("float64_scalar.npy"));

        array.Shape.Should().BeEmpty();
        array.ToArray<double>().Should().Equal(2.5);
    }

    [Test]
    public void An_empty_0_by_3_array_should_keep_its_shape()
    {
        var array = NpyReader.Read(Sample("int64_empty_0x3.npy"));

        array.Shape.Should().Equal(0, 3);
        array.ElementCount.Should().Be(0);
    }

    [Test]
    public void The_skimage_label_maps_should_be_int32_height_by_width()
    {
        var array = NpyReader.Read(Path.Combine(Segmentation.SlicFixtures.Folder, "wide_bands.labels.npy"));

        array.DataType.Should().Be(NpyDataType.Int32);
        array.Shape.Should().Equal(96, 160);
    }
}
