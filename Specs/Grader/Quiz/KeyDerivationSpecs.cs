using FluentAssertions;
using NUnit.Framework;
using XaiReference.Grader.Quiz;
using XaiReference.Grader.Quiz.Evidence;
using XaiReference.Grader.Quiz.Questions;

namespace XaiReference.Specs.Grader.Quiz;

/// <summary>
/// The key is derived from what the reference measured: each question states a rule, and the rule applied to the
/// evidence gives the correct options. Doctoring the evidence must change the answer (or refuse to give one).
/// </summary>
public sealed class KeyDerivationSpecs
{
    private static QuizEvidence Evidence => FixtureEvidence.Quick.Evidence;

    [Test]
    public void The_derived_key_has_the_courses_thirty_questions_sections_and_weights()
    {
        var key = FixtureEvidence.Quick.Key;

        key.Questions.Select(q => q.Number).Should().Equal(Enumerable.Range(1, 30));
        key.Questions.Where(q => q.Number <= 20).Should().OnlyContain(q => q.Points == 0.3m);
        key.Questions.Where(q => q.Number > 20).Should().OnlyContain(q => q.Points == 0.4m);
        key.MaxPoints.Should().Be(10m);
        key.Sections.Should().Equal(
            "LIME", "Saliency map", "SmoothGrad", "Filter explanation", "Integrated Gradients", "Attention",
            "Embedding visualisation", "Embedding analysis");
    }

    [Test]
    public void Every_answer_comes_with_its_rule_and_the_numbers_behind_it()
    {
        foreach (var question in FixtureEvidence.Quick.Key.Questions)
        {
            question.Derivation.Should().NotBeNullOrWhiteSpace();
            question.Derivation.Should().MatchRegex("[0-9]|Checked on the reference",
                $"question {question.Number} must show what it measured or what it checked");
        }
    }

    [Test]
    public void The_region_question_follows_the_measured_shares()
    {
        var doctored = WithPicture(9, p => p with { Saliency = new RegionShares(0.1, 0.7, 0.2, 0.1) });

        Answer(7, Evidence).Should().Equal([Region(Evidence.Image.Pictures[9].Saliency.Dominant)]);
        Answer(7, doctored).Should().Equal(["B"], "the doctored map puts most of its mass on the plate");
    }

    [Test]
    public void The_layer_question_reads_the_models_own_modules()
    {
        var types = Evidence.Image.LayerTypes.ToArray();
        types[6] = "BatchNorm2d";
        var doctored = Evidence with { Image = Evidence.Image with { LayerTypes = types } };

        Answer(14, Evidence).Should().Equal(["A"], "cnn[6] of the course network is a Conv2d");
        Answer(14, doctored).Should().Equal(["B"]);
    }

    [Test]
    public void More_integrated_gradients_steps_are_said_to_shrink_the_delta_only_when_they_do()
    {
        var swapped = Evidence with
        {
            Image = Evidence.Image with
            {
                Pictures = Evidence.Image.Pictures
                    .Select(p => p with
                    {
                        PaperDeltaFewSteps = p.PaperDeltaManySteps,
                        PaperDeltaManySteps = p.PaperDeltaFewSteps,
                    })
                    .ToArray(),
            },
        };

        Answer(19, Evidence).Should().Equal(["A"]);
        Answer(19, swapped).Should().Equal(["B"]);
    }

    [Test]
    public void A_fixed_answer_that_the_reference_contradicts_is_refused()
    {
        var doctored = Evidence with { Text = Evidence.Text with { Layer0Moved = 1 } };

        var act = () => CourseQuiz.Derive(doctored);

        act.Should().Throw<QuestionDerivationException>().WithMessage("question 29 (Embedding analysis)*contradicts*");
    }

    [Test]
    public void The_courses_cosine_similarity_question_answers_with_the_distance()
    {
        var matrices = Evidence.Text.CosineSimilarity.ToArray();
        var last = matrices[^1].Select(row => row.ToArray()).ToArray();
        last[0][5] = 0.9;
        matrices[^1] = last;
        var doctored = Evidence with { Text = Evidence.Text with { CosineSimilarity = matrices } };

        Answer(30, doctored).Should().Equal(["A"], "1 - 0.9 = 0.1 is below 0.2");
    }

    [Test]
    public void A_second_derivation_reads_the_cache_and_another_setting_measures_afresh()
    {
        var folder = Path.GetDirectoryName(FixtureEvidence.Quick.CacheFile)!;
        var cache = new EvidenceCache(folder);

        var again = KeyDerivation.Derive(QuizInputs.Default(), cache, EvidenceSettings.Quick);
        var otherKey = EvidenceCache.Key(
            EvidenceSettings.Quick with { LimeSamples = 201 }, QuizInputs.Default().ImageFingerprint());

        again.FromCache.Should().BeTrue();
        again.Key.Should().BeEquivalentTo(FixtureEvidence.Quick.Key);
        cache.TryRead<ImageEvidence>(otherKey).Should().BeNull("a changed setting is a changed input");
    }

    private static IReadOnlyList<string> Answer(int number, QuizEvidence evidence) =>
        CourseQuiz.Questions.Single(q => q.Number == number).Derive(evidence).Correct;

    private static string Region(string region) => region switch
    {
        "food" => "A",
        "plate" => "B",
        _ => "C",
    };

    private static QuizEvidence WithPicture(int number, Func<PictureEvidence, PictureEvidence> change) =>
        Evidence with
        {
            Image = Evidence.Image with
            {
                Pictures = Evidence.Image.Pictures.Select(p => p.Number == number ? change(p) : p).ToArray(),
            },
        };
}
