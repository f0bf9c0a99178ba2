using XaiReference.Models.Bert;
using static TorchSharp.torch;

namespace XaiReference.Text;

/// <summary>
/// The course's embedding analysis: one ambiguous word in N sentences, its hidden state at each layer, all
/// pairs compared by Euclidean distance and cosine similarity, and per layer how far same-meaning pairs are
/// from different-meaning pairs.
/// </summary>
/// <remarks>
/// At layer 0 a token's vector depends only on the token, its position and its segment, so in single
/// sentences only the word's position can change the comparison there; from layer 1 on the context enters.
/// </remarks>
public sealed class AmbiguousWordAnalysis
{
    private AmbiguousWordAnalysis(
        AmbiguousWordSet set,
        IReadOnlyList<double[,]> euclidean,
        IReadOnlyList<double[,]> cosine,
        IReadOnlyList<LayerSeparation> trend)
    {
        Set = set;
        Euclidean = euclidean;
        CosineSimilarity = cosine;
        Trend = trend;
    }

    /// <summary>The word and its labelled sentences.</summary>
    public AmbiguousWordSet Set { get; }

    /// <summary>Per layer (0 = embeddings), the N x N Euclidean distances between the word's vectors.</summary>
    public IReadOnlyList<double[,]> Euclidean { get; }

    /// <summary>Per layer, the N x N cosine similarities (1 - these are the cosine distances).</summary>
    public IReadOnlyList<double[,]> CosineSimilarity { get; }

    /// <summary>Per layer, mean within- and across-meaning similarity and distance.</summary>
    public IReadOnlyList<LayerSeparation> Trend { get; }

    /// <summary>The layer whose <see cref="LayerSeparation.Separation"/> is largest.</summary>
    public LayerSeparation MostSeparating => Trend.MaxBy(t => t.Separation)!;

    /// <summary>Runs the analysis.</summary>
    /// <param name="bert">Model and tokenizer.</param>
    /// <param name="set">The word and at least two labelled sentences, with at least one pair of each kind.</param>
    /// <returns>Matrices and trend for every layer.</returns>
    /// <exception cref="ArgumentException">A sentence lacks the word (the message names both), or the labels give
    /// no within- or no across-meaning pair.</exception>
    public static AmbiguousWordAnalysis Analyze(PretrainedBert bert, AmbiguousWordSet set)
    {
        ArgumentNullException.ThrowIfNull(bert);
        ArgumentNullException.ThrowIfNull(set);
        var meanings = set.Sentences.Select(s => s.Meaning).ToList();
        if (meanings.Distinct().Count() < 2 || meanings.GroupBy(m => m).All(g => g.Count() < 2))
        {
            throw new ArgumentException(
                "Expected at least two meanings and one meaning used twice, got "
                + $"[{string.Join(", ", meanings)}].",
                nameof(set));
        }

        using var scope = NewDisposeScope();
        var vectors = WordVectors.Collect(bert, set.Word, set.Sentences.Select(s => s.Text).ToList());

        var euclidean = new List<double[,]>();
        var cosine = new List<double[,]>();
        var trend = new List<LayerSeparation>();
        for (var layer = 0; layer < vectors.shape[0]; layer++)
        {
            var distances = EmbeddingDistances.EuclideanMatrix(vectors[layer]);
            var similarities = EmbeddingDistances.CosineSimilarityMatrix(vectors[layer]);
            euclidean.Add(distances);
            cosine.Add(similarities);
            trend.Add(new LayerSeparation(
                layer,
                MeanOverPairs(similarities, meanings, same: true),
                MeanOverPairs(similarities, meanings, same: false),
                MeanOverPairs(distances, meanings, same: true),
                MeanOverPairs(distances, meanings, same: false)));
        }

        return new AmbiguousWordAnalysis(set, euclidean, cosine, trend);
    }

    // Mean over pairs i < j whose meanings are equal (same) or differ (!same).
    private static double MeanOverPairs(double[,] matrix, IReadOnlyList<string> meanings, bool same)
    {
        var values = new List<double>();
        for (var i = 0; i < meanings.Count; i++)
        {
            for (var j = i + 1; j < meanings.Count; j++)
            {
                if ((meanings[i] == meanings[j]) == same)
                {
                    values.Add(matrix[i, j]);
                }
            }
        }

        return values.Average();
    }
}
