using XaiReference.Grader.Quiz.Evidence;

namespace XaiReference.Grader.Quiz.Questions;

/// <summary>The correct options of a question and the numbers that made them so.</summary>
/// <param name="Correct">The correct letters, in order.</param>
/// <param name="Explanation">The rule applied to the measured numbers, for <c>grader key --explain</c>.</param>
public sealed record Derivation(IReadOnlyList<string> Correct, string Explanation);

/// <summary>
/// A quiz question whose options are fixed text and whose correct options are derived from the reference's
/// measurements by a stated rule, never typed in.
/// </summary>
/// <param name="Number">1 .. 30.</param>
/// <param name="Section">The course's section, e.g. "LIME".</param>
/// <param name="Points">0.3 for questions 1-20, 0.4 for 21-30.</param>
/// <param name="Prompt">The question as students read it.</param>
/// <param name="Select">Single or multiple selection.</param>
/// <param name="Options">The options, lettered A, B, ...</param>
/// <param name="Rule">The rule that decides the correct options, in words.</param>
/// <param name="Derive">Applies the rule to the evidence.</param>
/// <param name="Figure">The figure students look at to answer, if any (e.g. "lime").</param>
public sealed record QuizQuestion(
    int Number,
    string Section,
    decimal Points,
    string Prompt,
    SelectionKind Select,
    IReadOnlyList<string> Options,
    string Rule,
    Func<QuizEvidence, Derivation> Derive,
    string? Figure = null)
{
    /// <summary>The option letters, A for the first option.</summary>
    public static string Letter(int index) => ((char)('A' + index)).ToString();

    /// <summary>The keyed question for this evidence.</summary>
    public KeyedQuestion ToKeyed(QuizEvidence evidence)
    {
        var derived = Derive(evidence);
        return new KeyedQuestion(
            Number,
            Section,
            Points,
            Prompt,
            Select,
            Options.Select((text, i) => new KeyedOption(Letter(i), text)).ToArray(),
            derived.Correct,
            $"{Rule} {derived.Explanation}");
    }
}
