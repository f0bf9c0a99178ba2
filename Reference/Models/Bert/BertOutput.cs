using static TorchSharp.torch;

namespace XaiReference.Models.Bert;

/// <summary>
/// Everything a forward pass of <see cref="BertModel"/> exposes. It owns its tensors: dispose it when done.
/// </summary>
public sealed class BertOutput : IDisposable
{
    internal BertOutput(IReadOnlyList<Tensor> hiddenStates, IReadOnlyList<Tensor> attentions, Tensor? pooled)
    {
        HiddenStates = hiddenStates;
        Attentions = attentions;
        PooledOutput = pooled;
    }

    /// <summary>
    /// Layers + 1 tensors [B, T, hidden]: index 0 is the embedding output, index i the output of layer i.
    /// Rows at padded positions are computed but meaningless.
    /// </summary>
    public IReadOnlyList<Tensor> HiddenStates { get; }

    /// <summary>
    /// One tensor [B, heads, T, T] per layer: softmax probabilities, row = query token, column = key token.
    /// Each row sums to 1 and columns of padded keys are 0.
    /// </summary>
    public IReadOnlyList<Tensor> Attentions { get; }

    /// <summary>[B, hidden]: tanh(dense([CLS] state)); null when the model has no pooler.</summary>
    public Tensor? PooledOutput { get; }

    /// <summary>The output of the last layer, [B, T, hidden] (the last of <see cref="HiddenStates"/>).</summary>
    public Tensor LastHiddenState => HiddenStates[^1];

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var tensor in HiddenStates.Concat(Attentions))
        {
            tensor.Dispose();
        }

        PooledOutput?.Dispose();
    }
}
