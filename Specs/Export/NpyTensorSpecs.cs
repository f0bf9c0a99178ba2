using FluentAssertions;
using NUnit.Framework;
using XaiReference.Export;
using static TorchSharp.torch;

namespace XaiReference.Specs.Export;

/// <summary>Tensors go to .npy files and come back with their shape, type and values.</summary>
public sealed class NpyTensorSpecs
{
    [TestCase(ScalarType.Float32)]
    [TestCase(ScalarType.Float64)]
    [TestCase(ScalarType.Int32)]
    [TestCase(ScalarType.Int64)]
    [TestCase(ScalarType.Byte)]
    public void A_tensor_written_and_read_back_should_be_equal(ScalarType type)
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("t.npy");
        using var scope = NewDisposeScope();
        // A non-contiguous view: the writer must follow the logical C order, not the storage.
        var original = arange(24, ScalarType.Float64).reshape(2, 3, 4).to_type(type).transpose(1, 2);

        NpyWriter.Write(path, original);
        var back = NpyReader.Read(path).ToTensor();

        back.shape.Should().Equal(2, 4, 3);
        back.dtype.Should().Be(type);
        // Values 0..23 are exact in every one of these types, so widening to double compares them exactly.
        back.to_type(ScalarType.Float64).data<double>().ToArray().Should().Equal(
            original.contiguous().to_type(ScalarType.Float64).data<double>().ToArray());
    }

    [Test]
    public void A_boolean_tensor_should_be_refused_naming_tensor()
    {
        using var flags = zeros([2], ScalarType.Bool);

        var act = () => NpyWriter.Write("unused.npy", flags);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "tensor" && e.Message.Contains("Bool"));
    }
}
