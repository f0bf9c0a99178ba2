using XaiReference.Grader.Submissions;

namespace XaiReference.Grader.Grading;

/// <summary>A submission with every question of the key scored.</summary>
/// <param name="Submission">What was read.</param>
/// <param name="Results">One result per question of the key, by question number.</param>
/// <param name="Warnings">The submission's own warnings followed by those found when grading it.</param>
public sealed record GradedSubmission(
    Submission Submission,
    IReadOnlyList<QuestionResult> Results,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The points earned on every question together.</summary>
    public decimal Total => Results.Sum(r => r.Points);

    /// <summary>The most points the key allows.</summary>
    public decimal MaxTotal => Results.Sum(r => r.MaxPoints);

    /// <summary>The numbers of the questions not answered exactly right, ascending.</summary>
    public IReadOnlyList<int> Wrong => Results.Where(r => !r.IsCorrect).Select(r => r.Number).ToList();

    /// <summary>Points earned and available per section, in the key's section order.</summary>
    public IReadOnlyList<(string Section, decimal Points, decimal MaxPoints)> Sections =>
        Results.GroupBy(r => r.Section, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(r => r.Points), g.Sum(r => r.MaxPoints)))
            .ToList();
}
