namespace XaiReference.Grader.Submissions;

/// <summary>One student's answers as read from one JSON file or one CSV row, before they meet a key.</summary>
/// <param name="StudentId">The student's id, trimmed; never empty.</param>
/// <param name="Name">The student's name, when the input gives one.</param>
/// <param name="SubmittedAt">When it was submitted, when the input says so in a form that could be read.</param>
/// <param name="Answers">
/// Question number to the chosen letters, upper case, sorted and without repeats. A question that was left blank is
/// absent. Letters that are not options of the question are kept here and reported when graded.
/// </param>
/// <param name="Source">
/// Where it came from: a path, with <c>:line N</c> for a CSV row or <c>[i]</c> for an item of a JSON array.
/// </param>
/// <param name="Order">
/// Its position in the batch: files in the order read, rows in file order; it breaks timestamp ties.
/// </param>
/// <param name="Warnings">What was odd about it but did not stop it from being read, one sentence each.</param>
public sealed record Submission(
    string StudentId,
    string? Name,
    DateTimeOffset? SubmittedAt,
    IReadOnlyDictionary<int, IReadOnlyList<string>> Answers,
    string Source,
    int Order,
    IReadOnlyList<string> Warnings);
