namespace XaiReference.Grader.Explain;

/// <summary>The settings of one text method of <c>grader explain</c>; null means the fixture's default.</summary>
/// <param name="Text">attention: the sentence, or null for <see cref="TextExplainInputs.DefaultSentence"/>.</param>
/// <param name="Pronoun">attention: a pronoun of the sentence whose noun the coreference ranking looks for; with
/// no <paramref name="Text"/> "it".</param>
/// <param name="Noun">attention: the noun the pronoun stands for; with no <paramref name="Text"/> "bridge".</param>
/// <param name="Word">distances: the ambiguous word, or null for the word set's own ("apple").</param>
/// <param name="Sentences">distances: a word-set JSON file, or null for the embedded apple sentences.</param>
/// <param name="Palette">Write the figures as 256-colour palette PNGs (smaller, slightly lossy).</param>
public sealed record TextKnobs(
    string? Text = null,
    string? Pronoun = null,
    string? Noun = null,
    string? Word = null,
    string? Sentences = null,
    bool Palette = false);
