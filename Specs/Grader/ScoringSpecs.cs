using FluentAssertions;
using NUnit.Framework;
using XaiReference.Grader.Grading;
using XaiReference.Grader.Quiz;

namespace XaiReference.Specs.Grader;

/// <summary>How chosen options become points: the course's all-or-nothing rule, partial credit, weights.</summary>
public sealed class ScoringSpecs
{
    // Points are decimals: 0.3 and 0.4 add up exactly, so totals are compared exactly.
    private static readonly QuizKey Key = TestKey.Create();

    private static KeyedQuestion Question(int number) => Key.Questions.Single(q => q.Number == number);

    [TestCase(new[] { "A", "C" }, 1, TestName = "Exactly the correct options score in full")]
    [TestCase(new[] { "A" }, 0, TestName = "One of two correct options scores nothing")]
    [TestCase(new[] { "A", "B", "C" }, 0, TestName = "The correct options plus a wrong one score nothing")]
    [TestCase(new[] { "A", "B", "C", "D" }, 0, TestName = "Choosing every option scores nothing")]
    [TestCase(new string[0], 0, TestName = "No choice scores nothing")]
    [TestCase(new[] { "A", "C", "Z" }, 0, TestName = "A letter that is not an option counts as a wrong pick")]
    public void All_or_nothing_scores_only_exactly_the_correct_options(string[] picks, int expected)
    {
        QuestionScoring.Fraction(Question(4), picks, ScoringRule.AllOrNothing).Should().Be(expected);
    }

    // Partial credit: (right - wrong) / correct count, floored at 0. Question 4 has two correct options (A, C).
    [TestCase(new[] { "A", "C" }, "1", TestName = "Partial credit: both right gives (2 - 0) / 2 = 1")]
    [TestCase(new[] { "A" }, "0.5", TestName = "Partial credit: one right gives (1 - 0) / 2 = 0.5")]
    [TestCase(new[] { "A", "B" }, "0", TestName = "Partial credit: one right one wrong gives (1 - 1) / 2 = 0")]
    [TestCase(new[] { "A", "B", "C" }, "0.5", TestName = "Partial credit: two right one wrong gives (2 - 1) / 2")]
    [TestCase(new[] { "B", "D" }, "0", TestName = "Partial credit: two wrong gives -1, floored at 0")]
    [TestCase(new[] { "A", "B", "C", "D" }, "0", TestName = "Partial credit: every option gives (2 - 2) / 2 = 0")]
    public void Partial_credit_is_right_minus_wrong_over_the_correct_count_floored_at_zero(
        string[] picks,
        string expected)
    {
        QuestionScoring.Fraction(Question(4), picks, ScoringRule.PartialCredit).Should().Be(decimal.Parse(expected));
    }

    [Test]
    public void Partial_credit_on_a_single_select_question_is_all_or_nothing()
    {
        var question = Question(1); // correct: A

        QuestionScoring.Fraction(question, ["A"], ScoringRule.PartialCredit).Should().Be(1);
        QuestionScoring.Fraction(question, ["B"], ScoringRule.PartialCredit).Should().Be(0);
        QuestionScoring.Fraction(question, ["A", "B"], ScoringRule.PartialCredit).Should().Be(0, "(1 - 1) / 1 = 0");
    }

    [Test]
    public void A_third_of_the_points_is_rounded_to_four_decimals()
    {
        var three = Question(4) with
        {
            Options = [.. Question(4).Options, new KeyedOption("E", "e")],
            Correct = ["A", "C", "E"],
        };

        var points = QuestionScoring.Points(three, ["A"], ScoringRule.PartialCredit);

        points.Should().Be(0.1m, "1/3 of 0.3 points is 0.1 exactly after rounding 0.09999...");
        QuestionScoring.Points(three, ["A", "C"], ScoringRule.PartialCredit).Should().Be(0.2m, "2/3 of 0.3 is 0.2");
    }

    [Test]
    public void The_weights_are_three_tenths_for_questions_1_to_20_and_four_tenths_for_21_to_30()
    {
        Key.Questions.Where(q => q.Number <= 20).Should().OnlyContain(q => q.Points == 0.3m);
        Key.Questions.Where(q => q.Number > 20).Should().OnlyContain(q => q.Points == 0.4m);
        Key.MaxPoints.Should().Be(10m, "20 x 0.3 + 10 x 0.4 = 6 + 4");
    }

    [Test]
    public void A_perfect_submission_scores_10_points_and_an_empty_one_0()
    {
        var perfect = BatchGrader.Grade(Key, GraderFixtures.Make("perfect", TestKey.PerfectAnswers()));
        var empty = BatchGrader.Grade(Key, GraderFixtures.Make("empty", new Dictionary<int, IReadOnlyList<string>>()));

        perfect.Total.Should().Be(10m);
        perfect.Wrong.Should().BeEmpty();
        empty.Total.Should().Be(0m);
        empty.Wrong.Should().HaveCount(30);
        empty.Warnings.Should().ContainSingle().Which.Should().Be("no answer to questions 1-30 (scored 0)");
    }

    [Test]
    public void The_total_is_the_sum_of_the_weights_of_the_questions_answered_right()
    {
        var answers = TestKey.PerfectAnswers();
        answers[1] = ["B"];       // -0.3
        answers[20] = ["A"];      // -0.3: one of two correct options
        answers[21] = ["B"];      // -0.4
        answers[30] = ["B", "C", "D"]; // -0.4: a wrong option added

        var graded = BatchGrader.Grade(Key, GraderFixtures.Make("s", answers));

        graded.Total.Should().Be(10m - 0.3m - 0.3m - 0.4m - 0.4m);
        graded.Wrong.Should().Equal(1, 20, 21, 30);
        graded.Sections.Single(s => s.Section == "attention").Points.Should().Be(1.2m, "questions 22-24 at 0.4 each");
    }

    [Test]
    public void Partial_credit_totals_add_the_partial_points()
    {
        var answers = TestKey.PerfectAnswers();
        answers[20] = ["A"];          // half of 0.3
        answers[30] = ["B", "C", "D"]; // (2 - 1) / 2 of 0.4

        var graded = BatchGrader.Grade(Key, GraderFixtures.Make("s", answers), ScoringRule.PartialCredit);

        graded.Total.Should().Be(10m - 0.15m - 0.2m);
        graded.Wrong.Should().Equal([20, 30], "partial credit is not exactly right");
    }
}
