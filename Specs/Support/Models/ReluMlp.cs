using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace XaiReference.Specs.Support.Models;

/// <summary>
/// z = W2 ReLU(W1 flatten(x) + b1) + b2 with the given weights: small enough to build two networks that
/// compute the same function with different weights and widths.
/// </summary>
internal sealed class ReluMlp : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // field names are the parameter prefixes
    private readonly Linear hidden;
    private readonly Linear output;
#pragma warning restore IDE1006

    /// <param name="w1">[H, D].</param>
    /// <param name="b1">[H].</param>
    /// <param name="w2">[K, H].</param>
    /// <param name="b2">[K].</param>
    public ReluMlp(Tensor w1, Tensor b1, Tensor w2, Tensor b2)
        : base(nameof(ReluMlp))
    {
        hidden = Linear(w1.shape[1], w1.shape[0]);
        output = Linear(w2.shape[1], w2.shape[0]);
        using (no_grad())
        {
            hidden.weight!.copy_(w1);
            hidden.bias!.copy_(b1);
            output.weight!.copy_(w2);
            output.bias!.copy_(b2);
        }

        RegisterComponents();
    }

    public override Tensor forward(Tensor input) =>
        output.call(functional.relu(hidden.call(input.flatten(1))));
}
