using System.Globalization;
using XaiReference.Grader.Quiz.Evidence;

namespace XaiReference.Grader.Quiz.Questions;

/// <summary>Rules that several questions share, and the exception a broken fixed answer raises.</summary>
internal static class QuestionRules
{
    public static readonly string[] Regions = ["food", "plate", "background"];

    public static readonly string[] RegionOptions =
        ["On the food", "On the plate", "On the table around the plate (background)"];

    public static string F(double value) =>
        value != 0 && Math.Abs(value) < 0.01
            ? value.ToString("0.##E+0", CultureInfo.InvariantCulture)
            : value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Describe(RegionShares shares) =>
        $"food {F(shares.Food)}, plate {F(shares.Plate)}, background {F(shares.Background)}";

    /// <summary>Option letter of the dominant region, with the shares as the explanation.</summary>
    public static Derivation DominantRegion(RegionShares shares, string what) =>
        new([QuizQuestion.Letter(Array.IndexOf(Regions, shares.Dominant))], $"{what}: {Describe(shares)}.");

    /// <summary>The letters of the options whose picture satisfies the predicate; at least one must.</summary>
    public static Derivation PicturesWhere(
        ImageEvidence evidence,
        IReadOnlyList<int> numbers,
        Func<PictureEvidence, bool> predicate,
        Func<PictureEvidence, string> describe)
    {
        var correct = new List<string>();
        var lines = new List<string>();
        for (var i = 0; i < numbers.Count; i++)
        {
            var picture = Picture(evidence, numbers[i]);
            var holds = predicate(picture);
            if (holds)
            {
                correct.Add(QuizQuestion.Letter(i));
            }

            lines.Add($"picture {numbers[i]}: {describe(picture)} -> {(holds ? "yes" : "no")}");
        }

        if (correct.Count == 0)
        {
            throw new QuestionDerivationException(
                "no option satisfies the rule on this evidence: " + string.Join("; ", lines));
        }

        return new Derivation(correct, string.Join("; ", lines) + ".");
    }

    public static PictureEvidence Picture(ImageEvidence evidence, int number) =>
        number < evidence.Pictures.Count
            ? evidence.Pictures[number]
            : throw new QuestionDerivationException(
                $"the question is about picture {number}, but only {evidence.Pictures.Count} pictures were measured");

    /// <summary>A fixed answer that the reference's behaviour must confirm.</summary>
    public static Derivation Confirmed(bool holds, string letter, string evidence) =>
        holds
            ? new Derivation([letter], $"Checked on the reference: {evidence}.")
            : throw new QuestionDerivationException($"the reference contradicts the expected answer: {evidence}");
}

/// <summary>A question's rule could not give an answer on this evidence (the quiz needs a look).</summary>
public sealed class QuestionDerivationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public QuestionDerivationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public QuestionDerivationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public QuestionDerivationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
