using XaiReference.Models.Bert;
using XaiReference.Text;
using static TorchSharp.torch;

namespace XaiReference.Grader.Quiz.Evidence;

/// <summary>What the BERT questions ask about: the texts, and where in them to look.</summary>
/// <param name="AttentionSentence">A sentence with a pronoun that refers back to a noun.</param>
/// <param name="Pronoun">The pronoun in it.</param>
/// <param name="Noun">The noun the pronoun refers to.</param>
/// <param name="Examples">Question/context/answer examples for the projection questions.</param>
/// <param name="Words">Sentences holding one ambiguous word in two meanings.</param>
/// <param name="SamePositionPair">Two texts with the word at the same position in different contexts.</param>
/// <param name="MovedPair">Two texts with the same words, the ambiguous word at different positions.</param>
public sealed record TextQuizInputs(
    string AttentionSentence,
    string Pronoun,
    string Noun,
    IReadOnlyList<QaExample> Examples,
    AmbiguousWordSet Words,
    (string First, string Second) SamePositionPair,
    (string First, string Second) MovedPair);

/// <summary>Runs the three text methods on a BERT and keeps the numbers the questions are derived from.</summary>
public static class TextEvidenceRunner
{
    /// <summary>Measures everything on <paramref name="bert"/>.</summary>
    public static TextEvidence Measure(PretrainedBert bert, string modelName, TextQuizInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(bert);
        ArgumentNullException.ThrowIfNull(inputs);
        using var scope = NewDisposeScope();

        var (maps, encoding) = AttentionMaps.Of(bert, inputs.AttentionSentence);
        var heads = AttentionHeadFunctions.Measure(maps);
        var pronoun = encoding.TokensOf(inputs.Pronoun)[0];
        var coreference = AttentionHeadFunctions.RankCoreferenceHeads(maps, pronoun, encoding.TokensOf(inputs.Noun));

        var qa = inputs.Examples.Select(e => EmbeddingProjection.Analyze(bert, e).Distances).ToArray();
        var words = AmbiguousWordAnalysis.Analyze(bert, inputs.Words);
        var cosine = words.CosineSimilarity.Select(Jagged).ToArray();

        return new TextEvidence(
            modelName,
            inputs.AttentionSentence,
            heads,
            inputs.Pronoun,
            inputs.Noun,
            coreference,
            qa,
            inputs.Words.Word,
            inputs.Words.Sentences.Select(s => s.Meaning).ToArray(),
            words.Trend,
            cosine,
            LayerZeroSimilarity(bert, inputs.Words.Word, inputs.SamePositionPair),
            LayerZeroSimilarity(bert, inputs.Words.Word, inputs.MovedPair));
    }

    private static double LayerZeroSimilarity(PretrainedBert bert, string word, (string First, string Second) pair)
    {
        using var scope = NewDisposeScope();

        // [layers + 1, 2, hidden] -> the two layer-0 vectors.
        var vectors = WordVectors.Collect(bert, word, [pair.First, pair.Second]);
        return EmbeddingDistances.CosineSimilarity(vectors[0, 0], vectors[0, 1]);
    }

    private static double[][] Jagged(double[,] matrix) =>
        Enumerable.Range(0, matrix.GetLength(0))
            .Select(i => Enumerable.Range(0, matrix.GetLength(1)).Select(j => matrix[i, j]).ToArray())
            .ToArray();
}
