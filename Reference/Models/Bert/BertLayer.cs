using static TorchSharp.torch;

namespace XaiReference.Models.Bert;

/// <summary>
/// One transformer layer: self-attention with a residual LayerNorm, then the feed-forward layer
/// (<c>intermediate.dense</c>, activation, <c>output.dense</c>) with a residual LayerNorm.
/// </summary>
public sealed class BertLayer : nn.Module<Tensor, Tensor, (Tensor Hidden, Tensor Probabilities)>
{
#pragma warning disable IDE1006
    private readonly BertAttention attention;
    private readonly BertDense intermediate;
    private readonly BertResidualOutput output;
#pragma warning restore IDE1006

    /// <summary>Builds a layer of <paramref name="config"/> with fresh weights.</summary>
    /// <param name="config">Sizes, activation, epsilon and dropout.</param>
    public BertLayer(BertConfig config)
        : base(nameof(BertLayer))
    {
        ArgumentNullException.ThrowIfNull(config);
        attention = new BertAttention(config);
        intermediate = new BertDense(
            config.HiddenSize, config.IntermediateSize, BertActivation.Create(config.HiddenAct));
        output = new BertResidualOutput(config, config.IntermediateSize);
        RegisterComponents();
    }

    /// <summary>Runs the layer.</summary>
    /// <param name="hidden">[B, T, hidden]: the previous hidden state.</param>
    /// <param name="additiveMask">[B, 1, 1, T], as for <see cref="BertSelfAttention.forward"/>.</param>
    /// <returns>The next hidden state [B, T, hidden] and this layer's attention probabilities
    /// [B, heads, T, T].</returns>
    public override (Tensor Hidden, Tensor Probabilities) forward(Tensor hidden, Tensor additiveMask)
    {
        using var scope = NewDisposeScope();
        var (attended, probabilities) = attention.call(hidden, additiveMask);
        var next = output.call(intermediate.call(attended), attended);
        return (next.MoveToOuterDisposeScope(), probabilities.MoveToOuterDisposeScope());
    }
}
