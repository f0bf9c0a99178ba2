using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace XaiReference.Specs.Support.Models;

/// <summary>
/// The linear classifier z = W flatten(x) + b with the given weights: every logit's input gradient is a
/// row of W, whatever the picture, so gradient methods can be checked against W itself.
/// </summary>
internal sealed class LinearModel : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // field name is the parameter prefix
    private readonly TorchSharp.Modules.Linear linear;
#pragma warning restore IDE1006

    /// <param name="weight">[K, D] with D = C*H*W of the pictures.</param>
    /// <param name="bias">[K].</param>
    public LinearModel(Tensor weight, Tensor bias)
        : base(nameof(LinearModel))
    {
        linear = Linear(weight.shape[1], weight.shape[0]);
        using (no_grad())
        {
            linear.weight!.copy_(weight);
            linear.bias!.copy_(bias);
        }

        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => linear.call(input.flatten(1));
}
