using FluentAssertions;
using NUnit.Framework;
using XaiReference.Specs.Models.Bert;
using XaiReference.Text;

namespace XaiReference.Specs.Text;

/// <summary>The QA examples projected layer by layer: roles, shapes, distances, determinism.</summary>
public sealed class EmbeddingProjectionSpecs
{
    [Test]
    public void The_three_examples_are_read_and_each_answer_is_in_its_context()
    {
        QaFixtures.Examples.Should().HaveCount(3);
        QaFixtures.Examples.Should().OnlyContain(e => e.Context.Contains(e.Answer, StringComparison.Ordinal));
    }

    [Test]
    public void Tokens_are_told_apart_as_question_context_answer_and_special()
    {
        foreach (var example in QaFixtures.Examples)
        {
            var projection = EmbeddingProjection.Analyze(MiniLm.Bert, example);
            var encoding = projection.Encoding;

            var answer = projection.Roles.Select((r, i) => (r, i)).Where(p => p.r == TokenRole.Answer)
                .Select(p => encoding.Tokens[p.i]);
            string.Join(' ', answer).Replace(" ##", string.Empty, StringComparison.Ordinal)
                .Should().Be(example.Answer.ToLowerInvariant(), "the answer's tokens spell the answer");
            projection.Roles.Count(r => r == TokenRole.Special).Should().Be(3, "[CLS] and two [SEP]");
            projection.Roles.Where((_, i) => encoding.TokenTypeIds[i] == 0 && encoding.WordIndices[i] >= 0)
                .Should().OnlyContain(r => r == TokenRole.Question);
        }
    }

    [Test]
    public void Every_layer_is_projected_to_two_dimensions_with_its_distances()
    {
        var example = QaFixtures.Examples[1];

        var projection = EmbeddingProjection.Analyze(MiniLm.Bert, example);

        projection.Layers.Should().HaveCount(7);
        projection.Layers.Should().OnlyContain(p => p.Projected.GetLength(0) == projection.Encoding.Count
            && p.Projected.GetLength(1) == 2);
        projection.Distances.Select(d => d.Layer).Should().Equal(0, 1, 2, 3, 4, 5, 6);
        projection.Distances.Should().OnlyContain(d => d.AnswerToQuestion > 0 && d.AnswerToContext > 0
            && d.ProjectedAnswerToQuestion <= d.AnswerToQuestion + 1e-9,
            "a projection onto orthonormal axes never lengthens a distance, so the means cannot grow either");
    }

    [Test]
    public void The_same_example_gives_the_same_numbers_twice()
    {
        var example = QaFixtures.Examples[2];

        var first = EmbeddingProjection.Analyze(MiniLm.Bert, example);
        var second = EmbeddingProjection.Analyze(MiniLm.Bert, example);

        second.Distances.Should().Equal(first.Distances);
        second.Layers[3].Projected.Should().BeEquivalentTo(first.Layers[3].Projected);
    }

    [Test]
    public void An_answer_that_is_not_in_the_context_is_an_error_naming_both()
    {
        var example = new QaExample("Who?", "Nobody came.", "somebody");

        var act = () => EmbeddingProjection.Analyze(MiniLm.Bert, example);

        act.Should().Throw<ArgumentException>().WithMessage("*\"somebody\"*\"Nobody came.\"*");
    }
}
