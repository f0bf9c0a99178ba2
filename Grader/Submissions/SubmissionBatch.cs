namespace XaiReference.Grader.Submissions;

/// <summary>Everything read from the paths of one grading run.</summary>
/// <param name="Submissions">Every submission read, duplicates included, in batch order.</param>
/// <param name="Failures">Every input that could not be read, in batch order.</param>
/// <param name="Notes">Remarks about whole files, such as CSV columns that were ignored.</param>
public sealed record SubmissionBatch(
    IReadOnlyList<Submission> Submissions,
    IReadOnlyList<SubmissionFailure> Failures,
    IReadOnlyList<string> Notes);
