using XaiReference.Models.Bert;
using static TorchSharp.torch;

namespace XaiReference.Text;

/// <summary>
/// The attention probabilities of one input, per layer and head, cropped to its real tokens: what exBERT
/// shows. <c>Weight(layer, head, from, to)</c> is how much token <c>from</c> (the query) attends to token
/// <c>to</c> (the key); each row sums to 1.
/// </summary>
public sealed class AttentionMaps
{
    private readonly double[][][,] weights;

    /// <summary>Wraps given maps (e.g. constructed ones with known answers).</summary>
    /// <param name="tokens">The T tokens, in order.</param>
    /// <param name="weights">[layer][head] T x T matrices, rows = queries.</param>
    /// <exception cref="ArgumentException">There is no layer or no head, or a matrix is not T x T.</exception>
    public AttentionMaps(IReadOnlyList<string> tokens, double[][][,] weights)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length == 0 || weights.Any(layer => layer.Length != weights[0].Length) || weights[0].Length == 0)
        {
            throw new ArgumentException(
                "Expected at least one layer, each with the same number (> 0) of heads.", nameof(weights));
        }

        var bad = weights.SelectMany(l => l)
            .FirstOrDefault(m => m.GetLength(0) != tokens.Count || m.GetLength(1) != tokens.Count);
        if (bad is not null)
        {
            throw new ArgumentException(
                $"Expected {tokens.Count} x {tokens.Count} maps (one row and column per token), got "
                + $"{bad.GetLength(0)} x {bad.GetLength(1)}.",
                nameof(weights));
        }

        Tokens = tokens;
        this.weights = weights;
    }

    /// <summary>The tokens, in order (rows and columns of every map).</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>Number of layers.</summary>
    public int LayerCount => weights.Length;

    /// <summary>Heads per layer.</summary>
    public int HeadCount => weights[0].Length;

    /// <summary>How much token <paramref name="from"/> attends to token <paramref name="to"/>.</summary>
    /// <param name="layer">0-based layer index (layer 1 of the paper is 0 here).</param>
    /// <param name="head">0-based head index.</param>
    /// <param name="from">Query token index.</param>
    /// <param name="to">Key token index.</param>
    /// <returns>A probability in [0, 1].</returns>
    public double Weight(int layer, int head, int from, int to) => weights[layer][head][from, to];

    /// <summary>One head's map.</summary>
    /// <param name="layer">0-based layer index.</param>
    /// <param name="head">0-based head index.</param>
    /// <returns>A copy of the T x T matrix, rows = queries.</returns>
    public double[,] Map(int layer, int head) => (double[,])weights[layer][head].Clone();

    /// <summary>Takes one row of a forward pass, cropped to the real tokens of its encoding.</summary>
    /// <param name="output">The forward pass (its attentions are [B, heads, T, T]).</param>
    /// <param name="encoding">The encoding of row <paramref name="row"/>.</param>
    /// <param name="row">Which row of the batch; 0 by default.</param>
    /// <returns>The maps of that input.</returns>
    public static AttentionMaps From(BertOutput output, BertEncoding encoding, int row = 0)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(encoding);
        var batchSize = output.Attentions[0].shape[0];
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, batchSize);

        using var scope = NewDisposeScope();
        var t = encoding.Count;
        var layers = output.Attentions.Select(attention =>
        {
            // [B, heads, T', T'] -> [heads, t, t] for this row's real tokens.
            var cropped = attention[row, .., ..t, ..t].to_type(ScalarType.Float64).contiguous();
            var heads = (int)cropped.shape[0];
            var values = cropped.data<double>().ToArray();
            return Enumerable.Range(0, heads).Select(h =>
            {
                var map = new double[t, t];
                Buffer.BlockCopy(values, h * t * t * sizeof(double), map, 0, t * t * sizeof(double));
                return map;
            }).ToArray();
        }).ToArray();
        return new AttentionMaps(encoding.Tokens, layers);
    }

    /// <summary>Runs one text (or pair) through the model and returns its maps.</summary>
    /// <param name="bert">Model and tokenizer.</param>
    /// <param name="text">The text.</param>
    /// <param name="pair">An optional second text.</param>
    /// <returns>The maps and the encoding they belong to.</returns>
    public static (AttentionMaps Maps, BertEncoding Encoding) Of(PretrainedBert bert, string text, string? pair = null)
    {
        ArgumentNullException.ThrowIfNull(bert);
        var encoding = bert.Tokenizer.Encode(text, pair);
        using var batch = bert.Tokenizer.ToBatch([encoding]);
        using var output = bert.Model.Infer(batch);
        return (From(output, encoding), encoding);
    }
}
