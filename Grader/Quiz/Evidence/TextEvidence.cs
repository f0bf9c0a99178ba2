using XaiReference.Text;

namespace XaiReference.Grader.Quiz.Evidence;

/// <summary>Everything the BERT questions are derived from.</summary>
/// <param name="Model">Which BERT was measured.</param>
/// <param name="AttentionSentence">The sentence whose attention heads were measured.</param>
/// <param name="Heads">Each head's functions on that sentence: where tokens' strongest attention goes.</param>
/// <param name="Pronoun">The pronoun whose noun the coreference question asks about.</param>
/// <param name="Noun">The noun it refers to.</param>
/// <param name="Coreference">Every head ranked by attention from the pronoun to the noun, strongest first.</param>
/// <param name="QaDistances">
/// Per question/context example, per layer: distances between answer, question and context tokens.
/// </param>
/// <param name="Word">The ambiguous word.</param>
/// <param name="Meanings">The meaning of the word in each sentence.</param>
/// <param name="Separation">Per layer: mean similarity within a meaning, across meanings, and their gap.</param>
/// <param name="CosineSimilarity">
/// Per layer, the N x N cosine similarities of the word's vectors (rows of a jagged array).
/// </param>
/// <param name="Layer0SamePosition">
/// Layer-0 cosine similarity of the word at the same position in two different contexts.
/// </param>
/// <param name="Layer0Moved">
/// Layer-0 cosine similarity of the word at two different positions in the same words.
/// </param>
public sealed record TextEvidence(
    string Model,
    string AttentionSentence,
    IReadOnlyList<HeadFunction> Heads,
    string Pronoun,
    string Noun,
    IReadOnlyList<CoreferenceHead> Coreference,
    IReadOnlyList<IReadOnlyList<QaLayerDistances>> QaDistances,
    string Word,
    IReadOnlyList<string> Meanings,
    IReadOnlyList<LayerSeparation> Separation,
    IReadOnlyList<double[][]> CosineSimilarity,
    double Layer0SamePosition,
    double Layer0Moved);
