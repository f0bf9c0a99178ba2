using System.Globalization;
using System.Text;
using XaiReference.Grader.Grading;
using XaiReference.Grader.Quiz;
using XaiReference.Grader.Submissions;

namespace XaiReference.Grader.Reports;

/// <summary>Turns one student's graded submission into Gradescope's <c>results.json</c>.</summary>
public static class GradescopeReport
{
    /// <summary>Builds the results for one Gradescope submission.</summary>
    /// <param name="key">The key.</param>
    /// <param name="graded">
    /// The submission that counts; null when none could be read (then every question scores 0).
    /// </param>
    /// <param name="failures">Inputs in the submission that could not be read; named in the output.</param>
    /// <param name="rule">The scoring rule.</param>
    /// <param name="reveal">Whether a wrong question's output names the correct options.</param>
    /// <param name="visibility">The results' and each test's visibility; one of the documented values.</param>
    /// <param name="stdoutVisibility">Whether students see standard output: <c>hidden</c> or <c>visible</c>.</param>
    public static GradescopeResults Build(
        QuizKey key,
        GradedSubmission? graded,
        IReadOnlyList<SubmissionFailure> failures,
        ScoringRule rule,
        bool reveal,
        string visibility = "visible",
        string stdoutVisibility = "hidden")
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(failures);
        CheckVisibility(visibility, nameof(visibility));
        CheckVisibility(stdoutVisibility, nameof(stdoutVisibility));

        // One test per question; with nothing read, each says so and scores 0.
        var results = graded?.Results.ToDictionary(r => r.Number);
        var tests = new List<GradescopeTest>();
        foreach (var question in key.Questions.OrderBy(q => q.Number))
        {
            var number = question.Number.ToString(CultureInfo.InvariantCulture);
            var name = $"Question {number} ({question.Section})";
            if (results is null || !results.TryGetValue(question.Number, out var result))
            {
                tests.Add(new GradescopeTest(0, question.Points, name, number, "No answer was read.", visibility));
                continue;
            }

            var output = result.IsCorrect ? "Correct." : result.Answered
                ? $"Not correct: you chose {string.Join(", ", result.Picks)}."
                : "Not answered.";
            if (!result.IsCorrect && reveal)
                output += $" The correct options are {string.Join(", ", question.Correct)}.";
            tests.Add(new GradescopeTest(result.Points, result.MaxPoints, name, number, output, visibility));
        }

        // The overall text: the score, the rule, and anything odd.
        var text = new StringBuilder();
        var total = graded?.Total ?? 0m;
        text.Append($"Score: {ReportText.Points(total)} of {ReportText.Points(key.MaxPoints)}");
        text.Append(rule == ScoringRule.AllOrNothing
            ? " (a question scores only when exactly its correct options are chosen).\n"
            : " (partial credit: (right - wrong picks) / correct options, at least 0).\n");
        if (graded is null)
            text.Append("No submission could be read: upload a .json or .csv file with your answers.\n");
        foreach (var warning in graded?.Warnings ?? [])
            text.Append($"Note: {warning}\n");
        foreach (var failure in failures)
            text.Append($"Could not read {Path.GetFileName(failure.Source)}: {failure.Error}\n");

        return new GradescopeResults(total, text.ToString().TrimEnd('\n'), visibility, stdoutVisibility, tests);
    }

    private static void CheckVisibility(string value, string parameter)
    {
        if (!GradescopeResults.Visibilities.Contains(value))
        {
            throw new ArgumentException(
                $"{parameter}: expected one of {string.Join(", ", GradescopeResults.Visibilities)}, got '{value}'",
                parameter);
        }
    }
}
