namespace XaiReference.Grader.Grading;

/// <summary>How a question's answer turns into points.</summary>
public enum ScoringRule
{
    /// <summary>The course rule: full points only when exactly the correct options are chosen, otherwise 0.</summary>
    AllOrNothing,

    /// <summary>
    /// Optional partial credit: (right picks - wrong picks) / number of correct options, floored at 0, times the
    /// question's points. Choosing every option of a multi-select therefore earns nothing unless most are correct,
    /// and a single-select behaves as all-or-nothing.
    /// </summary>
    PartialCredit,
}
