using static TorchSharp.torch;

namespace XaiReference.Specs.Support;

/// <summary>The entry point of <see cref="TensorAssertions"/>: <c>tensor.Should().BeCloseTo(...)</c>.</summary>
public static class TensorAssertionExtensions
{
    /// <summary>Starts assertions on a tensor.</summary>
    /// <param name="tensor">The tensor under test.</param>
    public static TensorAssertions Should(this Tensor tensor) => new(tensor);
}
