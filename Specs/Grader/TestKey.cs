using XaiReference.Grader.Quiz;

namespace XaiReference.Specs.Grader;

/// <summary>
/// A TEST key with the course quiz's shape (30 questions, eight sections, 0.3 points for 1-20 and 0.4 for 21-30)
/// and INVENTED answers. It is not the course's key, which is derived from the reference implementation.
/// Single-select question n: the correct option is "ABCD"[(n - 1) % 4]. Multi-select: 4, 13, 20, 27 are A and C;
/// 9, 17, 24, 30 are B and D. fixtures/submissions/ answers against this key.
/// </summary>
public static class TestKey
{
    public static readonly int[] MultiSelect = [4, 9, 13, 17, 20, 24, 27, 30];

    private static readonly (string Section, int First, int Last)[] Layout =
    [
        ("LIME", 1, 4), ("saliency", 5, 9), ("SmoothGrad", 10, 13), ("filters", 14, 17),
        ("Integrated Gradients", 18, 20), ("attention", 21, 24), ("embedding visualisation", 25, 27),
        ("embedding analysis", 28, 30),
    ];

    public static QuizKey Create() =>
        new("TEST quiz (invented answers)", Enumerable.Range(1, 30).Select(Question).ToList());

    /// <summary>The correct letters of question <paramref name="number"/> in the TEST key.</summary>
    public static IReadOnlyList<string> Correct(int number) =>
        !MultiSelect.Contains(number) ? ["ABCD"[(number - 1) % 4].ToString()]
        : number is 4 or 13 or 20 or 27 ? ["A", "C"]
        : ["B", "D"];

    /// <summary>Answers that are all right, as a submission's answer map.</summary>
    public static Dictionary<int, IReadOnlyList<string>> PerfectAnswers() =>
        Enumerable.Range(1, 30).ToDictionary(n => n, Correct);

    public static string SectionOf(int number) => Layout.First(s => number >= s.First && number <= s.Last).Section;

    private static KeyedQuestion Question(int number) => new(
        number,
        SectionOf(number),
        number <= 20 ? 0.3m : 0.4m,
        $"TEST question {number}: which options are correct?",
        MultiSelect.Contains(number) ? SelectionKind.Multiple : SelectionKind.Single,
        "ABCD".Select(c => new KeyedOption(c.ToString(), $"option {c} of question {number}")).ToList(),
        Correct(number),
        "invented for the specs");
}
