using XaiReference.Models.Bert;
using static TorchSharp.torch;

namespace XaiReference.Text;

/// <summary>The hidden states of one word in several sentences, at every layer.</summary>
public static class WordVectors
{
    /// <summary>
    /// Runs the sentences through the model as one padded batch and takes the hidden state of the first
    /// occurrence of <paramref name="word"/> in each, at every layer. A word split into several word pieces is
    /// represented by the mean of its pieces' vectors.
    /// </summary>
    /// <param name="bert">The model and its tokenizer.</param>
    /// <param name="word">The word (compared ignoring case for an uncased model).</param>
    /// <param name="sentences">Sentences that contain the word.</param>
    /// <returns>[layers + 1, N, hidden] float32: index 0 is the embedding output.</returns>
    /// <exception cref="ArgumentException">A sentence does not contain the word; the message names the word and
    /// the sentence.</exception>
    public static Tensor Collect(PretrainedBert bert, string word, IReadOnlyList<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(bert);
        ArgumentException.ThrowIfNullOrEmpty(word);
        ArgumentNullException.ThrowIfNull(sentences);
        if (sentences.Count == 0)
        {
            throw new ArgumentException("Expected at least one sentence, got none.", nameof(sentences));
        }

        // Find the word first, so that a missing word fails before the model runs.
        var encodings = sentences.Select(s => bert.Tokenizer.Encode(s)).ToList();
        var positions = encodings.Select(e => e.TokensOf(word)).ToList();

        using var scope = NewDisposeScope();
        using var batch = bert.Tokenizer.ToBatch(encodings);
        using var output = bert.Model.Infer(batch);

        // Each layer: [B, T, H] -> the word's rows averaged -> [N, H]; then stacked to [L + 1, N, H].
        var indices = positions.Select(tokens => tensor(tokens.Select(t => (long)t).ToArray())).ToList();
        var layers = output.HiddenStates.Select(hidden => stack(indices
            .Select((tokens, row) => hidden[row].index_select(0, tokens).mean([0L]))
            .ToArray()));
        return stack(layers.ToArray()).MoveToOuterDisposeScope();
    }
}
