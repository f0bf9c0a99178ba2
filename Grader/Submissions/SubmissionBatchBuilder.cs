namespace XaiReference.Grader.Submissions;

/// <summary>Collects what the parsers read, numbering submissions in the order they are met.</summary>
internal sealed class SubmissionBatchBuilder
{
    private readonly List<Submission> _submissions = [];
    private readonly List<SubmissionFailure> _failures = [];
    private readonly List<string> _notes = [];

    public void Add(
        string studentId,
        string? name,
        DateTimeOffset? submittedAt,
        IReadOnlyDictionary<int, IReadOnlyList<string>> answers,
        string source,
        IReadOnlyList<string> warnings) =>
        _submissions.Add(new Submission(studentId, name, submittedAt, answers, source, _submissions.Count, warnings));

    public void Fail(string source, string? studentId, string error) =>
        _failures.Add(new SubmissionFailure(source, studentId, error));

    public void Note(string note) => _notes.Add(note);

    public SubmissionBatch Build() => new(_submissions.ToList(), _failures.ToList(), _notes.ToList());
}
