using XaiReference.Models.Bert;
using static TorchSharp.torch;

namespace XaiReference.Text;

/// <summary>
/// What exBERT shows when a word is masked: the masked-LM head's most probable tokens for each [MASK] of a text.
/// Needs a model with a masked-LM head (<c>cls.predictions</c>, e.g. a Hugging Face <c>BertForMaskedLM</c>
/// folder); the embedded all-MiniLM-L6-v2 has none.
/// </summary>
public static class MaskedWordPredictions
{
    /// <summary>The top candidates for every [MASK] in <paramref name="text"/>, in text order.</summary>
    /// <param name="bert">A model with <see cref="BertParts.MaskedLm"/>.</param>
    /// <param name="text">A text containing the literal <c>[MASK]</c> at least once.</param>
    /// <param name="top">How many candidates per mask, most probable first; 5 by default.</param>
    /// <returns>One list per mask.</returns>
    /// <exception cref="ArgumentException">The text has no [MASK].</exception>
    /// <exception cref="InvalidOperationException">The model has no masked-LM head.</exception>
    public static IReadOnlyList<IReadOnlyList<MaskedWordPrediction>> Predict(
        PretrainedBert bert,
        string text,
        int top = 5)
    {
        ArgumentNullException.ThrowIfNull(bert);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        if (!bert.Model.Parts.HasFlag(BertParts.MaskedLm))
        {
            throw new InvalidOperationException(
                "This model has no masked-LM head (cls.predictions); load a BertForMaskedLM checkpoint "
                + "to predict words.");
        }

        var encoding = bert.Tokenizer.Encode(text);
        var masks = Enumerable.Range(0, encoding.Count).Where(i => encoding.Ids[i] == bert.Tokenizer.MaskId).ToList();
        if (masks.Count == 0)
        {
            throw new ArgumentException($"The text \"{text}\" contains no {bert.Tokenizer.MaskToken}.", nameof(text));
        }

        using var scope = NewDisposeScope();
        using var batch = bert.Tokenizer.ToBatch([encoding]);
        using var output = bert.Model.Infer(batch);
        using var noGrad = no_grad();

        // [1, T, H] -> [1, T, V] -> probabilities at each mask: [V].
        var logits = bert.Model.MaskedLmLogits(output.LastHiddenState);
        var k = Math.Min(top, (int)logits.shape[2]);
        return masks.Select(position =>
        {
            var probabilities = logits[0, position].softmax(0);
            var (values, indices) = probabilities.topk(k);
            var p = values.to_type(ScalarType.Float64).data<double>().ToArray();
            var ids = indices.data<long>().ToArray();
            return (IReadOnlyList<MaskedWordPrediction>)ids
                .Select((id, i) => new MaskedWordPrediction(bert.Tokenizer.TokenOf((int)id), (int)id, p[i]))
                .ToList();
        }).ToList();
    }
}
