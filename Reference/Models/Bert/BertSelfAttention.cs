using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiReference.Models.Bert;

/// <summary>
/// Multi-head scaled dot-product self-attention (Vaswani et al. 2017), with Hugging Face's <c>query</c>,
/// <c>key</c> and <c>value</c> projections. Returns the attention probabilities alongside the context.
/// </summary>
public sealed class BertSelfAttention : nn.Module<Tensor, Tensor, (Tensor Context, Tensor Probabilities)>
{
#pragma warning disable IDE1006
    private readonly Linear query;
    private readonly Linear key;
    private readonly Linear value;
    private readonly Dropout dropout;
#pragma warning restore IDE1006
    private readonly int heads;
    private readonly int headSize;

    /// <summary>Builds the projections of <paramref name="config"/> with fresh weights.</summary>
    /// <param name="config">Hidden size, head count and attention dropout.</param>
    public BertSelfAttention(BertConfig config)
        : base(nameof(BertSelfAttention))
    {
        ArgumentNullException.ThrowIfNull(config);
        heads = config.HeadCount;
        headSize = config.HeadSize;
        query = BertLinear.Create(config.HiddenSize, config.HiddenSize);
        key = BertLinear.Create(config.HiddenSize, config.HiddenSize);
        value = BertLinear.Create(config.HiddenSize, config.HiddenSize);
        dropout = nn.Dropout(config.AttentionDropoutProb);
        RegisterComponents();
    }

    /// <summary>Attends every token to every token that the mask lets through.</summary>
    /// <param name="hidden">[B, T, hidden].</param>
    /// <param name="additiveMask">[B, 1, 1, T]: 0 where a key may be attended, a huge negative number where
    /// not.</param>
    /// <returns>The context [B, T, hidden] and the probabilities [B, heads, T, T] (rows: queries; columns: keys;
    /// taken after softmax and before dropout, so in eval mode they are exactly what weighted the values).</returns>
    public override (Tensor Context, Tensor Probabilities) forward(Tensor hidden, Tensor additiveMask)
    {
        using var scope = NewDisposeScope();
        var (batch, length) = (hidden.shape[0], hidden.shape[1]);

        // [B, T, hidden] -> [B, heads, T, headSize]
        Tensor Split(Linear projection) =>
            projection.call(hidden).view(batch, length, heads, headSize).transpose(1, 2);
        var q = Split(query);
        var k = Split(key);
        var v = Split(value);

        // [B, heads, T, T]; masked keys get score + (huge negative), so their probability underflows to 0.
        var scores = matmul(q, k.transpose(-1, -2)) / Math.Sqrt(headSize) + additiveMask;
        var probabilities = scores.softmax(-1);

        // [B, heads, T, headSize] -> [B, T, hidden]
        // Dropout is the identity in eval mode: skipping its call there saves a native call per layer.
        var weights = training ? dropout.call(probabilities) : probabilities;
        var context = matmul(weights, v).transpose(1, 2).reshape(batch, length, heads * headSize);
        return (context.MoveToOuterDisposeScope(), probabilities.MoveToOuterDisposeScope());
    }
}
