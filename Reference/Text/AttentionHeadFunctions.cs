namespace XaiReference.Text;

/// <summary>
/// Turns attention maps into head functions (Clark et al. 2019, "What Does BERT Look At?",
/// https://arxiv.org/abs/1906.04341): positional heads (previous, same, next token), heads that park on [CLS],
/// [SEP] or the period, and the head that links a pronoun to its noun.
/// </summary>
public static class AttentionHeadFunctions
{
    /// <summary>The period token, as an uncased WordPiece vocabulary writes it.</summary>
    public const string PeriodToken = ".";

    /// <summary>Measures every head.</summary>
    /// <param name="maps">The maps of one input.</param>
    /// <returns>One <see cref="HeadFunction"/> per (layer, head), layer-major.</returns>
    public static IReadOnlyList<HeadFunction> Measure(AttentionMaps maps)
    {
        ArgumentNullException.ThrowIfNull(maps);
        var result = new List<HeadFunction>();
        for (var layer = 0; layer < maps.LayerCount; layer++)
        {
            for (var head = 0; head < maps.HeadCount; head++)
            {
                result.Add(MeasureHead(maps, layer, head));
            }
        }

        return result;
    }

    /// <summary>
    /// Ranks the heads by the attention from a pronoun to its noun; the first is the head that links them most.
    /// </summary>
    /// <param name="maps">The maps of one input.</param>
    /// <param name="pronoun">Token index of the pronoun (the query).</param>
    /// <param name="noun">Token indices of the noun (the keys; a word split into pieces has several).</param>
    /// <returns>All heads, strongest link first (ties: lower layer, then lower head first).</returns>
    /// <exception cref="ArgumentException">An index is outside the tokens, or the noun has no index.</exception>
    public static IReadOnlyList<CoreferenceHead> RankCoreferenceHeads(
        AttentionMaps maps,
        int pronoun,
        IReadOnlyList<int> noun)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(noun);
        var count = maps.Tokens.Count;
        if (pronoun < 0 || pronoun >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(pronoun), pronoun, $"Expected a token index in [0, {count}).");
        }

        if (noun.Count == 0 || noun.Any(i => i < 0 || i >= count))
        {
            throw new ArgumentException(
                $"Expected noun token indices in [0, {count}), got [{string.Join(", ", noun)}].", nameof(noun));
        }

        var heads = new List<CoreferenceHead>();
        for (var layer = 0; layer < maps.LayerCount; layer++)
        {
            for (var head = 0; head < maps.HeadCount; head++)
            {
                heads.Add(new CoreferenceHead(layer, head, noun.Sum(n => maps.Weight(layer, head, pronoun, n))));
            }
        }

        return heads.OrderByDescending(h => h.Weight).ThenBy(h => h.Layer).ThenBy(h => h.Head).ToList();
    }

    private static HeadFunction MeasureHead(AttentionMaps maps, int layer, int head)
    {
        var tokens = maps.Tokens;
        var count = tokens.Count;
        int previous = 0, same = 0, next = 0, cls = 0, sep = 0, period = 0;
        for (var from = 0; from < count; from++)
        {
            // The strongest key of this query; the first one on a tie.
            var to = 0;
            for (var key = 1; key < count; key++)
            {
                if (maps.Weight(layer, head, from, key) > maps.Weight(layer, head, from, to))
                {
                    to = key;
                }
            }

            previous += to == from - 1 ? 1 : 0;
            same += to == from ? 1 : 0;
            next += to == from + 1 ? 1 : 0;
            cls += tokens[to] == "[CLS]" ? 1 : 0;
            sep += tokens[to] == "[SEP]" ? 1 : 0;
            period += tokens[to] == PeriodToken ? 1 : 0;
        }

        // Only count - 1 queries have a previous (or a next) token.
        var neighbours = Math.Max(1, count - 1);
        return new HeadFunction(
            layer,
            head,
            (double)previous / neighbours,
            (double)same / count,
            (double)next / neighbours,
            (double)cls / count,
            (double)sep / count,
            (double)period / count);
    }
}
