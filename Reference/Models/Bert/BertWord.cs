namespace XaiReference.Models.Bert;

/// <summary>
/// A word of the input as BERT's basic tokenizer splits it (whitespace, each punctuation mark, each CJK
/// character, each special token such as [MASK]), with its characters in the original text and its tokens.
/// </summary>
/// <param name="Text">The word as written in the original text (before lower-casing or accent removal).</param>
/// <param name="Segment">0 for the first text, 1 for the second of a pair.</param>
/// <param name="Start">Index of its first character in that segment's text.</param>
/// <param name="Length">Number of UTF-16 characters.</param>
/// <param name="FirstToken">Index of its first word piece in the encoding (after [CLS]).</param>
/// <param name="TokenCount">Number of word pieces; fewer than WordPiece gave when truncation cut the word, and 0
/// when accent removal left nothing of it.</param>
public sealed record BertWord(string Text, int Segment, int Start, int Length, int FirstToken, int TokenCount)
{
    /// <summary>Indices of this word's tokens in the encoding.</summary>
    public IEnumerable<int> TokenIndices => Enumerable.Range(FirstToken, TokenCount);
}
