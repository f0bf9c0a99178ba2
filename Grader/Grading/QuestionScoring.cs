using XaiReference.Grader.Quiz;

namespace XaiReference.Grader.Grading;

/// <summary>The share of a question's points that a set of chosen letters earns.</summary>
public static class QuestionScoring
{
    /// <summary>Awarded points are rounded to this many decimals (partial credit can give thirds).</summary>
    public const int PointDecimals = 4;

    /// <summary>
    /// The fraction of the question's points earned, from 0 to 1. A chosen letter that is not an option counts as
    /// a wrong pick; an empty choice earns 0.
    /// </summary>
    public static decimal Fraction(KeyedQuestion question, IReadOnlyCollection<string> picks, ScoringRule rule)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(picks);
        var right = picks.Count(question.IsCorrect);
        var wrong = picks.Count - right;

        if (rule == ScoringRule.AllOrNothing)
            return wrong == 0 && right == question.Correct.Count ? 1m : 0m;
        return Math.Max(0m, (decimal)(right - wrong) / question.Correct.Count);
    }

    /// <summary>The points earned: <see cref="Fraction"/> times the question's points, rounded to 4 decimals.</summary>
    public static decimal Points(KeyedQuestion question, IReadOnlyCollection<string> picks, ScoringRule rule) =>
        Math.Round(Fraction(question, picks, rule) * question.Points, PointDecimals, MidpointRounding.AwayFromZero);
}
