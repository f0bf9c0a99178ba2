using FluentAssertions;
using NUnit.Framework;
using XaiReference.Grader.Grading;
using XaiReference.Grader.Quiz;
using XaiReference.Grader.Submissions;

namespace XaiReference.Specs.Grader;

/// <summary>
/// Item analysis on a constructed class of five students and five one-point questions (correct option A),
/// right (1) or wrong (0):
/// <code>
///          Q1 Q2 Q3 Q4 Q5  total
///   S1      1  1  1  0  0    3
///   S2      1  1  0  0  0    2
///   S3      1  0  0  0  0    1
///   S4      0  1  0  0  0    1
///   S5      0  0  0  1  0    1
/// </code>
/// Discrimination is r_pb = (M1 - M0) / s * sqrt(p q) between the item x and the rest score y = total - x, with
/// M1, M0 the mean rest score of those right and wrong, s the population standard deviation of y, p the share
/// right, q = 1 - p.
/// </summary>
public sealed class ItemAnalysisSpecs
{
    // Double sums of a handful of small numbers: rounding stays near 1e-15; 1e-12 leaves room and still pins 12 digits.
    private const double Exact = 1e-12;

    private static readonly int[,] Right =
    {
        { 1, 1, 1, 0, 0 },
        { 1, 1, 0, 0, 0 },
        { 1, 0, 0, 0, 0 },
        { 0, 1, 0, 0, 0 },
        { 0, 0, 0, 1, 0 },
    };

    private static IReadOnlyList<ItemStatistics> Analyse()
    {
        var key = new QuizKey("five", Enumerable.Range(1, 5).Select(n => new KeyedQuestion(
            n, "s", 1m, "p", SelectionKind.Single, [new KeyedOption("A", "a"), new KeyedOption("B", "b")], ["A"]))
            .ToList());
        var submissions = Enumerable.Range(0, 5).Select(s => GraderFixtures.Make(
            $"S{s + 1}",
            Enumerable.Range(1, 5).ToDictionary(n => n, n => (IReadOnlyList<string>)[Right[s, n - 1] == 1 ? "A" : "B"]),
            order: s)).ToList();
        return BatchGrader.Grade(key, new SubmissionBatch(submissions, [], [])).Items;
    }

    [Test]
    public void The_share_correct_is_the_fraction_of_students_exactly_right()
    {
        Analyse().Select(i => i.ShareCorrect).Should().Equal(0.6, 0.6, 0.2, 0.2, 0.0);
    }

    [Test]
    public void A_question_only_the_strongest_student_gets_right_discriminates_positively()
    {
        // Q3: x = 1,0,0,0,0; y = 2,2,1,1,1. M1 = 2, M0 = 5/4, mean y = 7/5, squared deviations
        // .36 + .36 + 3 x .16 = 1.2, s = sqrt(1.2 / 5) = sqrt(.24); p q = .2 x .8 = .16.
        // r = .75 / sqrt(.24) x .4 = 0.6123724...
        var expected = 0.75 / Math.Sqrt(0.24) * 0.4;

        Analyse()[2].Discrimination.Should().BeApproximately(expected, Exact);
        Analyse()[2].Flag.Should().BeNull();
    }

    [Test]
    public void A_question_only_the_weakest_student_gets_right_discriminates_negatively_and_is_flagged()
    {
        // Q4: x = 0,0,0,0,1; y = 3,2,1,1,0. M1 = 0, M0 = 7/4, mean y = 7/5, squared deviations
        // 2.56 + .36 + .16 + .16 + 1.96 = 5.2, s = sqrt(1.04); p q = .16. r = -1.75 / sqrt(1.04) x .4 = -0.6864064...
        var expected = -1.75 / Math.Sqrt(1.04) * 0.4;

        var item = Analyse()[3];

        item.Discrimination.Should().BeApproximately(expected, Exact);
        item.Flag.Should().StartWith("negative discrimination");
    }

    [Test]
    public void A_question_whose_right_and_wrong_groups_have_equal_rest_scores_has_zero_discrimination()
    {
        // Q1: x = 1,1,1,0,0; y = 2,1,0,1,1: M1 = (2 + 1 + 0) / 3 = 1 = M0 = (1 + 1) / 2, so r = 0.
        // Q2: x = 1,1,0,1,0; y = 2,1,1,0,1: M1 = 1 = M0, so r = 0.
        var items = Analyse();

        items[0].Discrimination.Should().BeApproximately(0, Exact);
        items[1].Discrimination.Should().BeApproximately(0, Exact);
        items[0].Flag.Should().Be("low discrimination");
    }

    [Test]
    public void A_question_nobody_gets_right_has_no_discrimination_and_is_flagged()
    {
        var item = Analyse()[4];

        item.Discrimination.Should().BeNull("x does not vary, so the correlation is undefined");
        item.Flag.Should().Be("nobody answered it right: check the key");
    }

    [Test]
    public void Pearson_agrees_with_the_point_biserial_formula_on_the_same_numbers()
    {
        // Q3 by Pearson's definition: x - mean x = .8, -.2 x 4; y - mean y = .6, .6, -.4, -.4, -.4.
        // sxy = .48 - .12 + 3 x .08 = .6; sxx = .64 + 4 x .04 = .8; syy = 1.2; r = .6 / sqrt(.96) = 0.6123724...
        double[] x = [1, 0, 0, 0, 0];
        double[] y = [2, 2, 1, 1, 1];

        ItemAnalysis.Pearson(x, y).Should().BeApproximately(0.6 / Math.Sqrt(0.96), Exact);
        (0.6 / Math.Sqrt(0.96)).Should().BeApproximately(0.75 / Math.Sqrt(0.24) * 0.4, Exact, "both forms agree");
    }
}
