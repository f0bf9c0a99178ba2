namespace XaiReference.Grader.Submissions;

/// <summary>An input that could not be read as a submission; every output keeps it as a row with its error.</summary>
/// <param name="Source">The file, with <c>:line N</c> or <c>[i]</c> when only a part of it failed.</param>
/// <param name="StudentId">The student's id when it could be told, otherwise null.</param>
/// <param name="Error">Why it could not be read, in a sentence that says what was expected and what was found.</param>
public sealed record SubmissionFailure(string Source, string? StudentId, string Error);
