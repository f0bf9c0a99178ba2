using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace XaiReference.Specs.Support.Models;

/// <summary>
/// A small course-like CNN with seeded weights, for properties that must hold for any network:
/// Conv(3->4) -> BatchNorm -> ReLU -> MaxPool(2) -> Conv(4->6) -> ReLU -> MaxPool(2) -> Dropout(0.3) -> Linear(-> 5).
/// Pictures [N, 3, side, side] with side a multiple of 4. BatchNorm and Dropout make train/eval mode matter.
/// </summary>
internal sealed class TinyCnn : Module<Tensor, Tensor>
{
    public const int ClassCount = 5;

#pragma warning disable IDE1006 // field names are the parameter prefixes
    private readonly Sequential features;
    private readonly Sequential head;
#pragma warning restore IDE1006

    public TinyCnn(long seed, int side = 16)
        : base(nameof(TinyCnn))
    {
        features = Sequential(
            Conv2d(3, 4, kernel_size: 3, padding: 1),
            BatchNorm2d(4),
            ReLU(),
            MaxPool2d(kernel_size: 2),
            Conv2d(4, 6, kernel_size: 3, padding: 1),
            ReLU(),
            MaxPool2d(kernel_size: 2));
        head = Sequential(Dropout(0.3), Linear(6 * (side / 4) * (side / 4), ClassCount));
        RegisterComponents();

        // Weights ~ N(0, 2 / fan_in) and biases ~ N(0, 0.1^2) from the seed, independent of the global RNG.
        using var generator = new Generator((ulong)seed);
        using var noGrad = no_grad();
        foreach (var (name, parameter) in named_parameters())
        {
            if (name.StartsWith("features.1.", StringComparison.Ordinal))
            {
                continue; // BatchNorm keeps weight 1, bias 0
            }

            var fanIn = parameter.dim() > 1 ? parameter.shape.Skip(1).Aggregate(1L, (a, b) => a * b) : 50;
            parameter.copy_(randn(parameter.shape, generator: generator) * Math.Sqrt(2.0 / fanIn));
        }
    }

    public override Tensor forward(Tensor input) => head.call(features.call(input).flatten(1));
}
