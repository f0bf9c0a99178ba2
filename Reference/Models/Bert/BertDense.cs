using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiReference.Models.Bert;

/// <summary>
/// A Linear layer named <c>dense</c> followed by an activation: Hugging Face's <c>intermediate</c>
/// (the configured activation) and <c>pooler</c> (tanh).
/// </summary>
public sealed class BertDense : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006
    private readonly Linear dense;
    private readonly nn.Module<Tensor, Tensor> activation;
#pragma warning restore IDE1006

    /// <summary>Builds dense(in -> out) then the activation.</summary>
    /// <param name="inputSize">Input width.</param>
    /// <param name="outputSize">Output width.</param>
    /// <param name="activation">The activation module (parameter-free).</param>
    public BertDense(int inputSize, int outputSize, nn.Module<Tensor, Tensor> activation)
        : base(nameof(BertDense))
    {
        dense = BertLinear.Create(inputSize, outputSize);
        this.activation = activation;
        RegisterComponents();
    }

    /// <summary>activation(dense(x)).</summary>
    /// <param name="x">[..., in].</param>
    /// <returns>[..., out].</returns>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return activation.call(dense.call(x)).MoveToOuterDisposeScope();
    }
}
