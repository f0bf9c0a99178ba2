using System.Globalization;
using XaiReference.Grader.Quiz;
using XaiReference.Grader.Reports;
using XaiReference.Grader.Submissions;

namespace XaiReference.Grader.Grading;

/// <summary>
/// Grades submissions against a key: the latest submission per student, every question scored, item analysis.
/// </summary>
public static class BatchGrader
{
    /// <summary>Grades a batch read by <see cref="SubmissionReader"/>.</summary>
    /// <param name="key">A valid key (see <see cref="QuizKey.Validate"/>).</param>
    /// <param name="batch">The submissions and failures.</param>
    /// <param name="rule">All-or-nothing (the course rule) or partial credit.</param>
    public static GradedBatch Grade(QuizKey key, SubmissionBatch batch, ScoringRule rule = ScoringRule.AllOrNothing)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(batch);
        key.Validate();

        var (counted, superseded) = LatestSubmissions.Pick(batch.Submissions);
        var questions = key.Questions.OrderBy(q => q.Number).ToList();
        var graded = counted
            .Select(s => Grade(questions, s, rule))
            .OrderBy(g => g.Submission.StudentId, StringComparer.OrdinalIgnoreCase)
            .ThenBy(g => g.Submission.StudentId, StringComparer.Ordinal)
            .ToList();

        return new GradedBatch(
            key, rule, graded, superseded, batch.Failures, batch.Notes, ItemAnalysis.Compute(questions, graded));
    }

    /// <summary>Scores one submission on every question of the key.</summary>
    public static GradedSubmission Grade(
        QuizKey key,
        Submission submission,
        ScoringRule rule = ScoringRule.AllOrNothing)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(submission);
        return Grade(key.Questions.OrderBy(q => q.Number).ToList(), submission, rule);
    }

    private static GradedSubmission Grade(
        IReadOnlyList<KeyedQuestion> questions,
        Submission submission,
        ScoringRule rule)
    {
        var warnings = new List<string>(submission.Warnings);
        var results = new List<QuestionResult>(questions.Count);
        var unanswered = new List<int>();

        // Each question of the key: the picks, what is odd about them, the points.
        foreach (var question in questions)
        {
            var picks = submission.Answers.TryGetValue(question.Number, out var p) ? p : [];
            if (picks.Count == 0)
                unanswered.Add(question.Number);

            var strangers = picks.Where(l => !question.HasOption(l)).ToList();
            if (strangers.Count > 0)
            {
                warnings.Add($"question {question.Number}: {string.Join(", ", strangers)} " +
                             $"{(strangers.Count == 1 ? "is not an option" : "are not options")} " +
                             $"(options {string.Join(", ", question.Options.Select(o => o.Letter))}); " +
                             "counted as wrong");
            }

            if (question.Select == SelectionKind.Single && picks.Count > 1)
                warnings.Add($"question {question.Number} takes one option, got {string.Join(", ", picks)}");

            var points = QuestionScoring.Points(question, picks, rule);
            var exact = QuestionScoring.Fraction(question, picks, ScoringRule.AllOrNothing) == 1m;
            results.Add(new QuestionResult(question.Number, question.Section, picks, points, question.Points, exact));
        }

        // Answers to questions the key does not have, and questions left blank.
        var known = questions.Select(q => q.Number).ToHashSet();
        foreach (var number in submission.Answers.Keys.Where(n => !known.Contains(n)).Order())
            warnings.Add($"question {Number(number)} is not in the key; its answer is ignored");
        if (unanswered.Count > 0)
        {
            var which = ReportText.Ranges(unanswered);
            warnings.Add($"no answer to {Plural(unanswered.Count, "question")} {which} (scored 0)");
        }

        return new GradedSubmission(submission, results, warnings);
    }

    private static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";
}
