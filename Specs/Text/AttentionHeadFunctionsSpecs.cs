using FluentAssertions;
using NUnit.Framework;
using XaiReference.Specs.Models.Bert;
using XaiReference.Text;
using static TorchSharp.torch;

namespace XaiReference.Specs.Text;

/// <summary>
/// Head functions on constructed attention matrices whose answers are known by construction, and on a real
/// sentence.
/// </summary>
public sealed class AttentionHeadFunctionsSpecs
{
    private const string Sentence = "The girl lost her keys at the station, so she looked everywhere for them.";

    private static readonly string[] Tokens = ["[CLS]", "the", "cat", "sat", ".", "[SEP]"];

    // A one-hot row per query: query i puts all its weight on key target(i).
    private static double[,] OneHot(Func<int, int> target)
    {
        var map = new double[Tokens.Length, Tokens.Length];
        for (var i = 0; i < Tokens.Length; i++)
        {
            map[i, target(i)] = 1;
        }

        return map;
    }

    private static HeadFunction MeasureOne(double[,] map) =>
        AttentionHeadFunctions.Measure(new AttentionMaps(Tokens, [[map]])).Single();

    [Test]
    public void A_head_that_looks_at_the_previous_token_scores_one_on_previous()
    {
        // Query 0 has no previous token; it looks at itself. Queries 1..5 (five of them) look one back.
        var function = MeasureOne(OneHot(i => Math.Max(0, i - 1)));

        function.Previous.Should().Be(1);
        function.Same.Should().Be(1.0 / 6, "only query 0 looks at itself");
        function.Next.Should().Be(0);
        function.Strongest.Name.Should().Be(nameof(HeadFunction.Previous));
    }

    [Test]
    public void Heads_for_same_next_CLS_SEP_and_period_score_one_on_their_function()
    {
        MeasureOne(OneHot(i => i)).Same.Should().Be(1);
        MeasureOne(OneHot(i => Math.Min(5, i + 1))).Next
            .Should().Be(1, "queries 0..4 look one ahead; query 5 has no next");
        MeasureOne(OneHot(_ => 0)).Cls.Should().Be(1);
        MeasureOne(OneHot(_ => 5)).Sep.Should().Be(1);
        MeasureOne(OneHot(_ => 4)).Period.Should().Be(1);
    }

    [Test]
    public void A_soft_row_counts_for_its_strongest_key_only()
    {
        // Query rows 0.6 on [CLS] and 0.4 spread: every query's arg-max is [CLS].
        var map = new double[6, 6];
        for (var i = 0; i < 6; i++)
        {
            map[i, 0] = 0.6;
            for (var j = 1; j < 6; j++)
            {
                map[i, j] = 0.08;
            }
        }

        var function = MeasureOne(map);

        function.Cls.Should().Be(1);
        function.Same.Should().Be(1.0 / 6, "query 0 is [CLS] itself");
    }

    [Test]
    public void The_coreference_head_is_the_one_with_most_attention_from_pronoun_to_noun()
    {
        // Two layers of two heads, uniform except layer 1 head 0, where "it" (3) puts 0.7 on "cat" (2).
        string[] tokens = ["[CLS]", "the", "cat", "it", "[SEP]"];
        static double[,] Uniform()
        {
            var m = new double[5, 5];
            for (var i = 0; i < 25; i++)
            {
                m[i / 5, i % 5] = 0.2;
            }

            return m;
        }

        var linking = Uniform();
        (linking[3, 2], linking[3, 0], linking[3, 1], linking[3, 3], linking[3, 4]) = (0.7, 0.075, 0.075, 0.075, 0.075);
        var maps = new AttentionMaps(tokens, [[Uniform(), Uniform()], [linking, Uniform()]]);

        var ranking = AttentionHeadFunctions.RankCoreferenceHeads(maps, pronoun: 3, noun: [2]);

        ranking.Should().HaveCount(4);
        ranking[0].Should().Be(new CoreferenceHead(1, 0, 0.7));
        ranking.Skip(1).Should().OnlyContain(h => Math.Abs(h.Weight - 0.2) < 1e-12);
    }

    [Test]
    public void On_a_real_sentence_every_share_is_a_fraction_and_a_previous_token_head_exists()
    {
        var (maps, _) = AttentionMaps.Of(MiniLm.Bert, Sentence);

        var functions = AttentionHeadFunctions.Measure(maps);

        functions.Should().HaveCount(6 * 12);
        functions.Should().OnlyContain(f =>
            new[] { f.Previous, f.Same, f.Next, f.Cls, f.Sep, f.Period }.All(s => s >= 0 && s <= 1));

        // Clark et al. (2019) found heads that attend to the previous token in BERT's early layers; the grid
        // figure shows one in MiniLM's first layer too (a clean sub-diagonal).
        functions.Where(f => f.Layer == 0).Max(f => f.Previous).Should().BeGreaterThan(0.9);
    }

    [Test]
    public void On_a_real_sentence_the_coreference_ranking_agrees_with_the_raw_attention_tensor()
    {
        var bert = MiniLm.Bert;
        var encoding = bert.Tokenizer.Encode(Sentence);
        using var scope = NewDisposeScope();
        using var batch = bert.Tokenizer.ToBatch([encoding]);
        using var output = bert.Model.Infer(batch);
        var she = encoding.TokensOf("she")[0];
        var girl = encoding.TokensOf("girl");

        var best = AttentionHeadFunctions.RankCoreferenceHeads(AttentionMaps.From(output, encoding), she, girl)[0];

        // Independently: stack every layer's [heads] weights from "she" to "girl" and take the arg-max.
        var weights = stack(output.Attentions.Select(a => a[0, .., she, girl[0]]).ToArray());
        var flat = weights.flatten().argmax().item<long>();
        (best.Layer, best.Head).Should().Be(((int)(flat / 12), (int)(flat % 12)));
        best.Weight.Should().BeApproximately(weights.max().item<float>(), 1e-6, "float32 weight read as double");
        best.Weight.Should().BeGreaterThan(1.0 / encoding.Count, "the best head attends more than uniformly");
    }
}
