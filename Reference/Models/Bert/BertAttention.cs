using static TorchSharp.torch;

namespace XaiReference.Models.Bert;

/// <summary>
/// Hugging Face's <c>attention</c>: <c>self</c> (the heads) and <c>output</c> (projection, residual, LayerNorm).
/// </summary>
public sealed class BertAttention : nn.Module<Tensor, Tensor, (Tensor Hidden, Tensor Probabilities)>
{
#pragma warning disable IDE1006
    private readonly BertSelfAttention self;
    private readonly BertResidualOutput output;
#pragma warning restore IDE1006

    /// <summary>Builds the attention block of <paramref name="config"/> with fresh weights.</summary>
    /// <param name="config">Sizes, epsilon and dropout.</param>
    public BertAttention(BertConfig config)
        : base(nameof(BertAttention))
    {
        self = new BertSelfAttention(config);
        output = new BertResidualOutput(config, config.HiddenSize);
        RegisterComponents();
    }

    /// <summary>Self-attention followed by the residual LayerNorm.</summary>
    /// <param name="hidden">[B, T, hidden].</param>
    /// <param name="additiveMask">[B, 1, 1, T], as for <see cref="BertSelfAttention.forward"/>.</param>
    /// <returns>[B, T, hidden] and the probabilities [B, heads, T, T].</returns>
    public override (Tensor Hidden, Tensor Probabilities) forward(Tensor hidden, Tensor additiveMask)
    {
        using var scope = NewDisposeScope();
        var (context, probabilities) = self.call(hidden, additiveMask);
        var attended = output.call(context, hidden);
        return (attended.MoveToOuterDisposeScope(), probabilities.MoveToOuterDisposeScope());
    }
}
