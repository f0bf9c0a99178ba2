namespace XaiReference.Text;

/// <summary>A sentence and the meaning its ambiguous word has there (e.g. "fruit" or "company" for apple).</summary>
/// <param name="Text">The sentence.</param>
/// <param name="Meaning">A short label of the word's sense in this sentence.</param>
public sealed record LabelledSentence(string Text, string Meaning);
