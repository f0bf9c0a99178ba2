using FluentAssertions;
using NUnit.Framework;
using XaiReference.Specs.Support;
using static TorchSharp.torch;

namespace XaiReference.Specs.Models;

/// <summary>TorchSharp's native library loads on this machine: tensors, autograd and forward hooks work.</summary>
public sealed class TorchSharpPlatformSpecs
{
    [Test]
    public void A_tensor_operation_gives_the_hand_computed_result()
    {
        using var scope = NewDisposeScope();

        var product = tensor(new float[] { 1, 2, 3, 4 }, [2, 2]).matmul(tensor(new float[] { 1, 0, 1, 1 }, [2, 2]));

        // [[1, 2], [3, 4]] x [[1, 0], [1, 1]] = [[1 + 2, 2], [3 + 4, 4]]; small integers are exact in float32.
        product.Should().BeCloseTo(tensor(new float[] { 3, 2, 7, 4 }, [2, 2]), 0, 0, "the sums are exact");
    }

    [Test]
    public void Autograd_gives_the_derivative_of_x_squared()
    {
        using var scope = NewDisposeScope();
        var x = tensor(3.0, requires_grad: true);

        (x * x).backward();

        // d/dx x^2 = 2x = 6 at x = 3, exact in double precision.
        x.grad!.item<double>().Should().Be(6.0);
    }

    [Test]
    public void A_forward_hook_fires_through_call()
    {
        using var scope = NewDisposeScope();
        using var layer = nn.Linear(2, 3);
        long[]? seen = null;
        var hook = layer.register_forward_hook((_, _, output) =>
        {
            seen = output.shape;
            return output;
        });

        layer.call(ones(5, 2));
        hook.remove();

        seen.Should().Equal(5, 3);
    }
}
