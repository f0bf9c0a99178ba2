using FluentAssertions;
using NUnit.Framework;
using XaiReference.Specs.Models.Bert;
using XaiReference.Text;
using static TorchSharp.torch;

namespace XaiReference.Specs.Text;

/// <summary>The apple sentences through the real model: matrices, trend, and the layer-0 property.</summary>
public sealed class AmbiguousWordAnalysisSpecs
{
    private static readonly Lazy<AmbiguousWordAnalysis> Analysis = new(() =>
        AmbiguousWordAnalysis.Analyze(MiniLm.Bert, QaFixtures.Apple));

    [Test]
    public void The_fixture_has_five_sentences_per_meaning_each_containing_the_word()
    {
        var set = QaFixtures.Apple;

        set.Word.Should().Be("apple");
        set.Sentences.Should().HaveCount(10);
        set.Sentences.GroupBy(s => s.Meaning).Should().OnlyContain(g => g.Count() == 5).And.HaveCount(2);
    }

    [Test]
    public void There_is_a_matrix_per_hidden_state_each_symmetric_with_the_identity_diagonal()
    {
        var analysis = Analysis.Value;

        analysis.CosineSimilarity.Should().HaveCount(7, "embedding output + 6 layers");
        analysis.Euclidean.Should().HaveCount(7);
        analysis.Trend.Select(t => t.Layer).Should().Equal(0, 1, 2, 3, 4, 5, 6);
        foreach (var matrix in analysis.CosineSimilarity)
        {
            for (var i = 0; i < 10; i++)
            {
                matrix[i, i].Should().BeApproximately(1, 1e-9, "float32 vectors, float64 arithmetic");
                for (var j = 0; j < 10; j++)
                {
                    matrix[i, j].Should().Be(matrix[j, i]).And.BeInRange(-1, 1);
                }
            }
        }
    }

    [Test]
    public void At_layer_zero_sentences_with_the_word_at_the_same_position_have_identical_vectors()
    {
        // Sentences 6 and 10 both start with "Apple": same token, position 1, segment 0.
        var sentences = QaFixtures.Apple.Sentences;
        var encodings = sentences.Select(s => MiniLm.Bert.Tokenizer.Encode(s.Text)).ToList();
        encodings[5].TokensOf("apple").Should().Equal(encodings[9].TokensOf("apple"));

        var analysis = Analysis.Value;

        analysis.Euclidean[0][5, 9].Should().BeLessThan(1e-5, "identical inputs to embeddings + LayerNorm");
        analysis.Euclidean[1][5, 9].Should().BeGreaterThan(0.1, "from layer 1 on the rest of the sentence matters");
    }

    [Test]
    public void From_layer_one_on_the_same_meaning_is_more_similar_than_the_other_meaning()
    {
        // The course's question: which layers separate the meanings. For this model and fixture every contextual
        // layer does, by a margin of about 0.1 in cosine similarity (see the trend figure).
        var trend = Analysis.Value.Trend;

        trend.Skip(1).Should().OnlyContain(t => t.Separation > 0.05);
        Analysis.Value.MostSeparating.Layer.Should().BeGreaterThan(0);
    }

    [Test]
    public void A_word_split_into_pieces_is_the_mean_of_its_pieces()
    {
        var bert = MiniLm.Bert;
        const string sentence = "Antidisestablishmentarianism is a long word.";
        var encoding = bert.Tokenizer.Encode(sentence);
        var pieces = encoding.TokensOf("antidisestablishmentarianism");
        pieces.Should().HaveCountGreaterThan(1, "the example needs a word of several word pieces");
        using var scope = NewDisposeScope();
        using var batch = bert.Tokenizer.ToBatch([encoding]);
        using var output = bert.Model.Infer(batch);

        var vectors = WordVectors.Collect(bert, "Antidisestablishmentarianism", [sentence]);

        for (var layer = 0; layer < 7; layer++)
        {
            var expected = stack(pieces.Select(p => output.HiddenStates[layer][0, p]).ToArray()).mean([0L]);
            (vectors[layer, 0] - expected).abs().max().item<float>().Should().BeLessThan(1e-6f,
                "the same forward pass, averaged the same way");
        }
    }

    [Test]
    public void A_sentence_without_the_word_is_an_error_naming_the_word_and_the_sentence()
    {
        var act = () => WordVectors.Collect(MiniLm.Bert, "apple", ["An apple fell.", "The pear is ripe."]);

        act.Should().Throw<ArgumentException>().WithMessage("*'apple'*\"The pear is ripe.\"*");
    }
}
