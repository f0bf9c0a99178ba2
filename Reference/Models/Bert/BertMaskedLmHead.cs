using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiReference.Models.Bert;

/// <summary>
/// Hugging Face's <c>cls</c> of BertForMaskedLM: <c>predictions.transform.dense</c>, the activation,
/// <c>predictions.transform.LayerNorm</c>, then <c>predictions.decoder</c> to one logit per vocabulary entry.
/// Predicts the token behind a [MASK].
/// </summary>
/// <remarks>
/// In BERT the decoder weight is tied to the word embeddings. Checkpoints that store it are loaded as they are;
/// for those that do not, the loader copies the word embeddings into it (a copy, not a shared tensor, which
/// gives the same logits at inference). The decoder bias is <c>cls.predictions.bias</c> in Hugging Face files.
/// </remarks>
public sealed class BertMaskedLmHead : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006
    private readonly BertLmPredictions predictions;
#pragma warning restore IDE1006

    /// <summary>Builds the head of <paramref name="config"/> with fresh weights.</summary>
    /// <param name="config">Hidden and vocabulary sizes, activation and epsilon.</param>
    public BertMaskedLmHead(BertConfig config)
        : base(nameof(BertMaskedLmHead))
    {
        predictions = new BertLmPredictions(config);
        RegisterComponents();
    }

    /// <summary>Vocabulary logits for every position.</summary>
    /// <param name="hidden">[B, T, hidden]: the last hidden state.</param>
    /// <returns>[B, T, vocab] logits (no softmax).</returns>
    public override Tensor forward(Tensor hidden) => predictions.call(hidden);
}
