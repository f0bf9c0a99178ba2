namespace XaiReference.Grader.Grading;

/// <summary>How one answer to one question was scored.</summary>
/// <param name="Number">The question's number.</param>
/// <param name="Section">The question's section.</param>
/// <param name="Picks">The letters chosen, sorted; empty when unanswered.</param>
/// <param name="Points">The points earned.</param>
/// <param name="MaxPoints">The question's points.</param>
/// <param name="IsCorrect">Whether exactly the correct options were chosen (the course's notion of right).</param>
public sealed record QuestionResult(
    int Number,
    string Section,
    IReadOnlyList<string> Picks,
    decimal Points,
    decimal MaxPoints,
    bool IsCorrect)
{
    /// <summary>Whether any option was chosen.</summary>
    public bool Answered => Picks.Count > 0;
}
