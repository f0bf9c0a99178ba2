using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using XaiReference.Grader.Grading;
using XaiReference.Grader.Quiz;

namespace XaiReference.Grader.Reports;

/// <summary>
/// One Markdown file per student: the score, points per section, the questions that were not answered exactly
/// right with the options chosen, and anything odd about the submission. The correct options are shown only when
/// the course allows it (<c>--reveal</c>).
/// </summary>
public static class FeedbackMarkdown
{
    /// <summary>The feedback text for one student.</summary>
    /// <param name="key">The key graded against.</param>
    /// <param name="graded">The student's graded submission.</param>
    /// <param name="rule">The scoring rule, named in the text.</param>
    /// <param name="reveal">Whether to show the correct options of the questions that were wrong.</param>
    public static string Render(QuizKey key, GradedSubmission graded, ScoringRule rule, bool reveal)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(graded);
        var s = graded.Submission;
        var text = new StringBuilder();

        // Who, when, how much.
        text.Append($"# {Escape(key.Title)}: feedback\n\n");
        text.Append($"- Student: {Escape(s.StudentId)}{(s.Name is null ? "" : $" ({Escape(s.Name)})")}\n");
        if (s.SubmittedAt is { } at)
            text.Append($"- Submitted: {at.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)}\n");
        var ruleText = rule == ScoringRule.AllOrNothing
            ? "a question scores only when exactly its correct options are chosen"
            : "partial credit: (right - wrong picks) / correct options, at least 0";
        text.Append($"- Score: **{ReportText.Points(graded.Total)}** of {ReportText.Points(graded.MaxTotal)} " +
                    $"({ruleText})\n\n");

        text.Append("| Section | Points | Of |\n|---|---:|---:|\n");
        foreach (var (section, points, max) in graded.Sections)
            text.Append($"| {Escape(section)} | {ReportText.Points(points)} | {ReportText.Points(max)} |\n");

        // The questions to look at again.
        var questions = key.Questions.ToDictionary(q => q.Number);
        var wrong = graded.Results.Where(r => !r.IsCorrect).ToList();
        text.Append("\n## Questions to review\n\n");
        if (wrong.Count == 0)
            text.Append("Every question is answered exactly right.\n");
        foreach (var result in wrong)
        {
            var question = questions[result.Number];
            text.Append($"### Question {result.Number} ({Escape(question.Section)}): " +
                        $"{ReportText.Points(result.Points)} of {ReportText.Points(result.MaxPoints)}\n\n");
            text.Append($"{Escape(question.Prompt)}\n\n");
            text.Append(result.Answered
                ? $"- You chose: {Describe(question, result.Picks)}\n"
                : "- You chose nothing.\n");
            if (reveal)
                text.Append($"- Correct: {Describe(question, question.Correct)}\n");
            text.Append('\n');
        }

        // What was odd about the submission.
        if (graded.Warnings.Count > 0)
        {
            text.Append(wrong.Count == 0 ? "\n## Notes\n\n" : "## Notes\n\n");
            foreach (var warning in graded.Warnings)
                text.Append($"- {Escape(warning)}\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// A file name for a student's feedback: the id with anything but letters, digits, '.', '-' and '_' replaced by
    /// '_', plus a short hash of the id when anything was replaced, so two ids never share a file.
    /// </summary>
    public static string FileName(string studentId)
    {
        ArgumentNullException.ThrowIfNull(studentId);
        var safe = new string(studentId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')
            .ToArray()).TrimStart('.');
        if (safe.Length == 0 || safe != studentId || safe.Length > 80)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(studentId)))[..8];
            safe = (safe.Length > 80 ? safe[..80] : safe) + "-" + hash;
        }

        return safe + ".md";
    }

    private static string Describe(KeyedQuestion question, IEnumerable<string> letters) =>
        string.Join("; ", letters.Select(l =>
            question.Options.FirstOrDefault(o => o.Letter == l) is { } option
                ? $"{l} ({Escape(option.Text)})"
                : $"{Escape(l)} (not an option)"));

    private static string Escape(string text) => MarkdownText.Escape(text);
}
