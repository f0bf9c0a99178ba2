using System.Globalization;

namespace XaiReference.Grader.Quiz;

/// <summary>One question of a <see cref="QuizKey"/> together with its correct options.</summary>
/// <param name="Number">The question's number, 1 and up (the course quiz numbers 1 to 30).</param>
/// <param name="Section">The section it belongs to, e.g. <c>LIME</c> or <c>Integrated Gradients</c>.</param>
/// <param name="Points">What a fully correct answer earns (the course: 0.3 for 1-20, 0.4 for 21-30).</param>
/// <param name="Prompt">The question as the students read it.</param>
/// <param name="Select">Whether one option or any number of options may be chosen.</param>
/// <param name="Options">The options, lettered A, B, C, ...</param>
/// <param name="Correct">The letters of the correct options; exactly one for single-select.</param>
/// <param name="Derivation">Optionally, why these options are correct (how the key was derived).</param>
public sealed record KeyedQuestion(
    int Number,
    string Section,
    decimal Points,
    string Prompt,
    SelectionKind Select,
    IReadOnlyList<KeyedOption> Options,
    IReadOnlyList<string> Correct,
    string? Derivation = null)
{
    /// <summary>Whether <paramref name="letter"/> is one of this question's option letters.</summary>
    public bool HasOption(string letter) => Options.Any(o => o.Letter == letter);

    /// <summary>Whether <paramref name="letter"/> is one of the correct letters.</summary>
    public bool IsCorrect(string letter) => Correct.Contains(letter);

    private static string Listed(IEnumerable<string> letters) => string.Join(", ", letters);

    /// <summary>The problems of this question alone, each naming the question; empty when it is usable.</summary>
    public IReadOnlyList<string> FindProblems()
    {
        var name = $"question {Number.ToString(CultureInfo.InvariantCulture)}";
        var problems = new List<string>();
        if (Number < 1)
            problems.Add($"{name}: expected a number of 1 or more, got {Number}");
        if (string.IsNullOrWhiteSpace(Section))
            problems.Add($"{name}: expected a section name, got none");
        if (Points <= 0)
            problems.Add($"{name}: expected positive points, got {Points.ToString(CultureInfo.InvariantCulture)}");
        if (string.IsNullOrWhiteSpace(Prompt))
            problems.Add($"{name}: expected a prompt, got none");

        if (Options is null || Options.Count == 0)
        {
            problems.Add($"{name}: expected at least one option, got none");
            return problems;
        }

        var letters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in Options)
        {
            if (option is null)
                problems.Add($"{name}: expected an option, got null");
            else if (!KeyedOption.IsLetter(option.Letter))
                problems.Add($"{name}: expected option letters A to Z, got '{option.Letter}'");
            else if (!letters.Add(option.Letter))
                problems.Add($"{name}: option {option.Letter} appears more than once");
        }

        var correct = Correct ?? [];
        if (correct.Count == 0)
            problems.Add($"{name}: expected at least one correct letter, got none");
        foreach (var letter in correct)
        {
            if (!letters.Contains(letter))
                problems.Add($"{name}: correct letter '{letter}' is not among the options {Listed(letters)}");
        }

        if (correct.Distinct(StringComparer.Ordinal).Count() != correct.Count)
            problems.Add($"{name}: a correct letter is listed twice in {string.Join(", ", correct)}");
        if (Select == SelectionKind.Single && correct.Count != 1)
            problems.Add($"{name}: single-select expects exactly one correct letter, got {correct.Count}");

        return problems;
    }
}
