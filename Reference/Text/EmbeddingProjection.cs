using XaiReference.Models.Bert;
using static TorchSharp.torch;

namespace XaiReference.Text;

/// <summary>
/// The course's embedding visualisation: a question/context pair through the model, and every token's hidden
/// state at every layer projected to 2-D by PCA (each layer on its own), with the tokens told apart as
/// question, context or answer, and per layer how far the answer tokens are from the question and the rest of
/// the context.
/// </summary>
/// <remarks>
/// The course used a BERT fine-tuned for extractive question answering, where late layers set the answer
/// apart. The default all-MiniLM-L6-v2 is a sentence-embedding model, not a QA model, so it need not show that;
/// a Hugging Face <c>BertForQuestionAnswering</c> folder loaded with <see cref="BertLoader.LoadFolder"/> can.
/// </remarks>
public sealed class EmbeddingProjection
{
    private EmbeddingProjection(
        QaExample example,
        BertEncoding encoding,
        IReadOnlyList<TokenRole> roles,
        IReadOnlyList<PcaResult> layers,
        IReadOnlyList<QaLayerDistances> distances)
    {
        Example = example;
        Encoding = encoding;
        Roles = roles;
        Layers = layers;
        Distances = distances;
    }

    /// <summary>The example.</summary>
    public QaExample Example { get; }

    /// <summary>The encoded pair: [CLS] question [SEP] context [SEP].</summary>
    public BertEncoding Encoding { get; }

    /// <summary>The role of each token.</summary>
    public IReadOnlyList<TokenRole> Roles { get; }

    /// <summary>Per layer (0 = embeddings), the 2-D PCA of all tokens' hidden states.</summary>
    public IReadOnlyList<PcaResult> Layers { get; }

    /// <summary>Per layer, mean answer-question and answer-context distances.</summary>
    public IReadOnlyList<QaLayerDistances> Distances { get; }

    /// <summary>Runs the pair through the model and projects every layer.</summary>
    /// <param name="bert">Model and tokenizer.</param>
    /// <param name="example">Question, context and an answer that occurs in the context.</param>
    /// <returns>Roles, projections and distances.</returns>
    /// <exception cref="ArgumentException">The answer is not in the context (the message names both), or the pair
    /// is longer than the model's positions.</exception>
    public static EmbeddingProjection Analyze(PretrainedBert bert, QaExample example)
    {
        ArgumentNullException.ThrowIfNull(bert);
        ArgumentNullException.ThrowIfNull(example);
        var start = example.Context.IndexOf(example.Answer, StringComparison.Ordinal);
        if (example.Answer.Length == 0 || start < 0)
        {
            throw new ArgumentException(
                $"The answer \"{example.Answer}\" does not occur in the context \"{example.Context}\".",
                nameof(example));
        }

        var encoding = bert.Tokenizer.Encode(example.Question, example.Context);
        var roles = AssignRoles(encoding, start, start + example.Answer.Length);

        using var scope = NewDisposeScope();
        using var batch = bert.Tokenizer.ToBatch([encoding]);
        using var output = bert.Model.Infer(batch);

        var layers = new List<PcaResult>();
        var distances = new List<QaLayerDistances>();
        for (var layer = 0; layer < output.HiddenStates.Count; layer++)
        {
            // [1, T, H] -> [T, H] in float64 for distances.
            var states = output.HiddenStates[layer][0].to_type(ScalarType.Float64);
            var pca = PrincipalComponents.Fit(states);
            var full = Rows(states);
            var plane = Rows(pca.Projected);
            layers.Add(pca);
            distances.Add(new QaLayerDistances(
                layer,
                MeanDistance(full, roles, TokenRole.Answer, TokenRole.Question),
                MeanDistance(full, roles, TokenRole.Answer, TokenRole.Context),
                MeanDistance(plane, roles, TokenRole.Answer, TokenRole.Question),
                MeanDistance(plane, roles, TokenRole.Answer, TokenRole.Context)));
        }

        return new EmbeddingProjection(example, encoding, roles, layers, distances);
    }

    // A context word is part of the answer when its characters overlap [answerStart, answerEnd).
    private static List<TokenRole> AssignRoles(BertEncoding encoding, int answerStart, int answerEnd)
    {
        var roles = new List<TokenRole>(encoding.Count);
        for (var t = 0; t < encoding.Count; t++)
        {
            var wordIndex = encoding.WordIndices[t];
            if (wordIndex < 0)
            {
                roles.Add(TokenRole.Special);
                continue;
            }

            var word = encoding.Words[wordIndex];
            var inAnswer = word.Segment == 1 && word.Start < answerEnd && word.Start + word.Length > answerStart;
            roles.Add(word.Segment == 0 ? TokenRole.Question : inAnswer ? TokenRole.Answer : TokenRole.Context);
        }

        return roles;
    }

    private static double[][] Rows(Tensor matrix)
    {
        var t = matrix.to_type(ScalarType.Float64).contiguous();
        var (rows, columns) = ((int)t.shape[0], (int)t.shape[1]);
        var values = t.data<double>().ToArray();
        return Enumerable.Range(0, rows).Select(r => values.AsSpan(r * columns, columns).ToArray()).ToArray();
    }

    private static double[][] Rows(double[,] matrix) =>
        Enumerable.Range(0, matrix.GetLength(0))
            .Select(r => Enumerable.Range(0, matrix.GetLength(1)).Select(c => matrix[r, c]).ToArray())
            .ToArray();

    private static double MeanDistance(
        double[][] points,
        IReadOnlyList<TokenRole> roles,
        TokenRole source,
        TokenRole target)
    {
        var list = Enumerable.Range(0, points.Length).Where(i => roles[i] == source)
            .SelectMany(i => Enumerable.Range(0, points.Length).Where(j => roles[j] == target)
                .Select(j => Math.Sqrt(points[i].Zip(points[j], (a, b) => (a - b) * (a - b)).Sum())))
            .ToList();
        return list.Count == 0 ? double.NaN : list.Average();
    }
}
