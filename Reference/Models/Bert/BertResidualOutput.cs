using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiReference.Models.Bert;

/// <summary>
/// Projection, dropout, residual sum and LayerNorm: Hugging Face's <c>attention.output</c> and <c>output</c>
/// (post-LayerNorm, as in the original BERT).
/// </summary>
public sealed class BertResidualOutput : nn.Module<Tensor, Tensor, Tensor>
{
#pragma warning disable IDE1006
    private readonly Linear dense;
    private readonly LayerNorm LayerNorm;
    private readonly Dropout dropout;
#pragma warning restore IDE1006

    /// <summary>Builds a projection from <paramref name="inputSize"/> back to the hidden size.</summary>
    /// <param name="config">Hidden size, LayerNorm epsilon and dropout.</param>
    /// <param name="inputSize">Width of the sub-layer's output: hidden size after attention, intermediate size
    /// after the feed-forward layer.</param>
    public BertResidualOutput(BertConfig config, int inputSize)
        : base(nameof(BertResidualOutput))
    {
        ArgumentNullException.ThrowIfNull(config);
        dense = BertLinear.Create(inputSize, config.HiddenSize);
        LayerNorm = nn.LayerNorm(config.HiddenSize, eps: config.LayerNormEps);
        dropout = nn.Dropout(config.HiddenDropoutProb);
        RegisterComponents();
    }

    /// <summary>LayerNorm(dropout(dense(x)) + residual).</summary>
    /// <param name="x">[B, T, inputSize].</param>
    /// <param name="residual">[B, T, hidden]: the sub-layer's input.</param>
    /// <returns>[B, T, hidden].</returns>
    public override Tensor forward(Tensor x, Tensor residual)
    {
        using var scope = NewDisposeScope();
        var projected = dense.call(x);
        var dropped = training ? dropout.call(projected) : projected;
        return LayerNorm.call(dropped + residual).MoveToOuterDisposeScope();
    }
}
