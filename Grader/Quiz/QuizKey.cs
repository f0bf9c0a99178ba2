using System.Globalization;

namespace XaiReference.Grader.Quiz;

/// <summary>
/// The answer key of a quiz: every question with its options, the options that are correct and how many points it
/// is worth. The grader only consumes a key; the course's key is derived from the reference implementation
/// elsewhere, or written by hand by course staff in the JSON form <see cref="QuizKeyJson"/> reads.
/// </summary>
/// <param name="Title">What the quiz is called, shown at the top of feedback files.</param>
/// <param name="Questions">The questions, each with a unique <see cref="KeyedQuestion.Number"/>.</param>
public sealed record QuizKey(string Title, IReadOnlyList<KeyedQuestion> Questions)
{
    /// <summary>The most points a submission can earn: the sum of every question's points.</summary>
    public decimal MaxPoints => Questions.Sum(q => q.Points);

    /// <summary>The sections in the order their first question appears when questions are sorted by number.</summary>
    public IReadOnlyList<string> Sections =>
        Questions.OrderBy(q => q.Number).Select(q => q.Section).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Everything wrong with this key, one sentence each; empty when the key is usable. Checks: a title, at least one
    /// question, numbers positive and unique, a section and positive points on each question, option letters single
    /// capitals and unique, correct letters among the options, and exactly one correct option on single-select.
    /// </summary>
    public IReadOnlyList<string> FindProblems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Title))
            problems.Add("title: expected a non-empty title, got none");

        if (Questions is null || Questions.Count == 0)
        {
            problems.Add("questions: expected at least one question, got none");
            return problems;
        }

        var seen = new HashSet<int>();
        for (var i = 0; i < Questions.Count; i++)
        {
            var question = Questions[i];
            if (question is null)
            {
                problems.Add($"questions[{i}]: expected a question, got null");
                continue;
            }

            if (!seen.Add(question.Number))
                problems.Add($"question {question.Number}: the number is used by more than one question");
            problems.AddRange(question.FindProblems());
        }

        return problems;
    }

    /// <summary>
    /// Throws <see cref="QuizKeyException"/> listing every problem when <see cref="FindProblems"/> finds any.
    /// </summary>
    /// <returns>This key, for chaining.</returns>
    public QuizKey Validate()
    {
        var problems = FindProblems();
        if (problems.Count > 0)
        {
            var count = problems.Count.ToString(CultureInfo.InvariantCulture);
            throw new QuizKeyException(
                $"The quiz key '{Title}' has {count} problem(s):\n  " + string.Join("\n  ", problems));
        }

        return this;
    }
}
