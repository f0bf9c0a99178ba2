using XaiReference.Grader.Quiz;
using XaiReference.Grader.Submissions;

namespace XaiReference.Grader.Grading;

/// <summary>The outcome of grading one batch.</summary>
/// <param name="Key">The key graded against.</param>
/// <param name="Rule">The scoring rule used.</param>
/// <param name="Graded">One graded submission per student, ordered by student id (ordinal, ignoring case).</param>
/// <param name="Superseded">Submissions replaced by a later one from the same student, in batch order.</param>
/// <param name="Failures">Inputs that could not be read, in batch order.</param>
/// <param name="Notes">Remarks about whole files.</param>
/// <param name="Items">Item analysis, one row per question of the key.</param>
public sealed record GradedBatch(
    QuizKey Key,
    ScoringRule Rule,
    IReadOnlyList<GradedSubmission> Graded,
    IReadOnlyList<Submission> Superseded,
    IReadOnlyList<SubmissionFailure> Failures,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ItemStatistics> Items);
