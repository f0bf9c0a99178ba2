namespace XaiReference.Grader.Grading;

/// <summary>How one question behaved across a class.</summary>
/// <param name="Number">The question's number.</param>
/// <param name="Section">Its section.</param>
/// <param name="Students">How many graded students it was computed over.</param>
/// <param name="ShareCorrect">
/// The share of students who chose exactly the correct options (0 to 1); NaN when there are no students.
/// </param>
/// <param name="Discrimination">
/// The point-biserial correlation between the item's 0/1 score and each student's rest score (total minus this
/// question's points); null when either does not vary.
/// </param>
/// <param name="Flag">A reason to look at the question again, or null.</param>
public sealed record ItemStatistics(
    int Number,
    string Section,
    int Students,
    double ShareCorrect,
    double? Discrimination,
    string? Flag);
