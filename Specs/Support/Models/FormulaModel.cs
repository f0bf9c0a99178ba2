using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace XaiReference.Specs.Support.Models;

/// <summary>
/// A parameter-free classifier given by a formula, for functions small enough to check by hand:
/// pictures [N, C, H, W] are flattened to rows [N, C*H*W] and the formula maps them to logits [N, K].
/// </summary>
internal sealed class FormulaModel : Module<Tensor, Tensor>
{
    private readonly Func<Tensor, Tensor> formula;

    public FormulaModel(string name, Func<Tensor, Tensor> formula)
        : base(name)
    {
        this.formula = formula;
    }

    public override Tensor forward(Tensor input) => formula(input.flatten(1));
}
