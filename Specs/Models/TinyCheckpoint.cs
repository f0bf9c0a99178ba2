using XaiReference.Models;
using static TorchSharp.torch;

namespace XaiReference.Specs.Models;

/// <summary>
/// The network of <c>fixtures/checkpoints</c> and the formula its recipe filled every tensor with:
/// tensor number t of PyTorch's state-dict order, element i in row-major order, holds
/// round(sin(0.1 i + t), 4) as float32; a <c>num_batches_tracked</c> buffer holds 100 + t.
/// </summary>
internal static class TinyCheckpoint
{
    /// <summary>The recipe's width: stacks of 4, 4, 8, 8, 8 channels and 16 hidden units.</summary>
    public static ClassifierWidth Width { get; } = new([4, 4, 8, 8, 8], 16);

    /// <summary>
    /// The state-dict keys in PyTorch's order: module by module, each module's parameters (weight, bias) then
    /// its buffers (running_mean, running_var, num_batches_tracked). TorchSharp's <c>state_dict()</c> lists all
    /// parameters before all buffers, so the order is rebuilt here from the module tree.
    /// </summary>
    public static IReadOnlyList<string> PyTorchOrder(nn.Module module)
    {
        string[] locals = ["weight", "bias", "running_mean", "running_var", "num_batches_tracked"];
        var keys = module.state_dict().Keys.ToHashSet();
        return module.named_modules()
            .SelectMany(m => locals.Select(local => $"{m.name}.{local}"))
            .Where(keys.Contains)
            .ToList();
    }

    /// <summary>The formula's value of tensor <paramref name="t"/> as a tensor of the given shape and dtype.</summary>
    public static Tensor Expected(int t, long[] shape, ScalarType dtype)
    {
        if (dtype == ScalarType.Int64)
        {
            return full(shape, 100 + t, dtype: ScalarType.Int64);
        }

        var count = shape.Aggregate(1L, (a, b) => a * b);
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)Math.Round(Math.Sin(0.1 * i + t), 4, MidpointRounding.ToEven);
        }

        return tensor(values, shape, dtype: ScalarType.Float32);
    }
}
