namespace XaiReference.Models.Bert;

/// <summary>
/// One text (or pair of texts) as BERT sees it: [CLS] first [SEP] (second [SEP]), with ids, segments and the
/// words each token came from.
/// </summary>
public sealed class BertEncoding
{
    private readonly bool ignoreCase;

    internal BertEncoding(
        string text,
        string? pair,
        IReadOnlyList<int> ids,
        IReadOnlyList<string> tokens,
        IReadOnlyList<int> tokenTypeIds,
        IReadOnlyList<int> wordIndices,
        IReadOnlyList<BertWord> words,
        IReadOnlyList<string> warnings,
        bool ignoreCase)
    {
        Text = text;
        Pair = pair;
        Ids = ids;
        Tokens = tokens;
        TokenTypeIds = tokenTypeIds;
        WordIndices = wordIndices;
        Words = words;
        Warnings = warnings;
        this.ignoreCase = ignoreCase;
    }

    /// <summary>The first text, as given.</summary>
    public string Text { get; }

    /// <summary>The second text of a pair (e.g. the context after a question), or null.</summary>
    public string? Pair { get; }

    /// <summary>Token ids, special tokens included.</summary>
    public IReadOnlyList<int> Ids { get; }

    /// <summary>Token strings (<c>[CLS]</c>, <c>apple</c>, <c>##s</c>, ...), one per id.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>Segment of each token: 0 up to and including the first [SEP], 1 after it.</summary>
    public IReadOnlyList<int> TokenTypeIds { get; }

    /// <summary>Index into <see cref="Words"/> of each token's word; -1 for [CLS] and [SEP].</summary>
    public IReadOnlyList<int> WordIndices { get; }

    /// <summary>The words of both texts in order, with their character spans and tokens.</summary>
    public IReadOnlyList<BertWord> Words { get; }

    /// <summary>What happened that the caller may want to know (truncation); empty when nothing did.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Number of tokens.</summary>
    public int Count => Ids.Count;

    /// <summary>
    /// The token indices of an occurrence of <paramref name="word"/> (compared ignoring case when the model is
    /// uncased). A word split into several word pieces gives several indices.
    /// </summary>
    /// <param name="word">The word as the basic tokenizer splits it (no spaces or punctuation inside).</param>
    /// <param name="occurrence">Which occurrence, 0 for the first.</param>
    /// <returns>The indices, in order.</returns>
    /// <exception cref="ArgumentException">The word does not occur (that often) in the texts, or all its tokens
    /// were truncated away; the message names the word and the text.</exception>
    public IReadOnlyList<int> TokensOf(string word, int occurrence = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(word);
        ArgumentOutOfRangeException.ThrowIfNegative(occurrence);
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var matches = Words.Where(w => string.Equals(w.Text, word, comparison)).ToList();
        var quoted = Pair is null ? $"\"{Text}\"" : $"\"{Text}\" / \"{Pair}\"";
        if (matches.Count <= occurrence)
        {
            throw new ArgumentException(
                matches.Count == 0
                    ? $"The word '{word}' does not occur in {quoted}."
                    : $"The word '{word}' occurs {matches.Count} time(s) in {quoted}; occurrence {occurrence} "
                      + "was asked for (counting from 0).",
                nameof(word));
        }

        var found = matches[occurrence];
        if (found.TokenCount == 0)
        {
            throw new ArgumentException(
                $"The word '{word}' in {quoted} has no tokens left (truncated, or nothing left after accent removal).",
                nameof(word));
        }

        return found.TokenIndices.ToList();
    }
}
