using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiReference.Models.Bert;

/// <summary>Hugging Face's <c>cls.predictions.transform</c>: LayerNorm(activation(dense(hidden))).</summary>
public sealed class BertLmTransform : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006
    private readonly Linear dense;
    private readonly nn.Module<Tensor, Tensor> activation;
    private readonly LayerNorm LayerNorm;
#pragma warning restore IDE1006

    /// <summary>Builds the transform of <paramref name="config"/> with fresh weights.</summary>
    /// <param name="config">Hidden size, activation and epsilon.</param>
    public BertLmTransform(BertConfig config)
        : base(nameof(BertLmTransform))
    {
        ArgumentNullException.ThrowIfNull(config);
        dense = nn.Linear(config.HiddenSize, config.HiddenSize);
        activation = BertActivation.Create(config.HiddenAct);
        LayerNorm = nn.LayerNorm(config.HiddenSize, eps: config.LayerNormEps);
        RegisterComponents();
    }

    /// <summary>LayerNorm(activation(dense(hidden))).</summary>
    /// <param name="hidden">[B, T, hidden].</param>
    /// <returns>[B, T, hidden].</returns>
    public override Tensor forward(Tensor hidden)
    {
        using var scope = NewDisposeScope();
        return LayerNorm.call(activation.call(dense.call(hidden))).MoveToOuterDisposeScope();
    }
}
