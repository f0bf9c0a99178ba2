using XaiReference.Grader.Quiz.Evidence;
using static XaiReference.Grader.Quiz.Questions.QuestionRules;

namespace XaiReference.Grader.Quiz.Questions;

/// <summary>Questions 1-4: LIME on the ten pictures (SLIC superpixels, 1000 samples, the course's view).</summary>
internal static class LimeQuestions
{
    private const string Section = "LIME";
    private static readonly int[] Candidates = [0, 2, 5, 6, 9];

    public static IEnumerable<QuizQuestion> All()
    {
        yield return new QuizQuestion(
            1, Section, 0.3m,
            "In LIME's explanation of picture 3 for its own class, where does most of the positive weight "
            + "(the green superpixels) lie?",
            SelectionKind.Single,
            RegionOptions,
            "The region holding the largest share of positive superpixel weight (weight times the superpixel's "
            + "pixels in that region) is correct.",
            e => DominantRegion(Picture(e.Image, 3).LimePositive, "picture 3, positive weight"),
            Figure: "lime");

        yield return new QuizQuestion(
            2, Section, 0.3m,
            "For which pictures does the food hold the largest share of LIME's positive weight?",
            SelectionKind.Multiple,
            Candidates.Select(n => $"Picture {n}").ToArray(),
            "A picture is correct when food holds a larger share of its positive weight than plate and background.",
            e => PicturesWhere(
                e.Image, Candidates, p => p.LimePositive.Dominant == "food", p => Describe(p.LimePositive)),
            Figure: "lime");

        yield return new QuizQuestion(
            3, Section, 0.3m,
            "In the course's LIME figure, what do the green and the red superpixels mean?",
            SelectionKind.Single,
            [
                "Green superpixels raise the score of the explained class, red ones lower it",
                "Green superpixels are food, red ones are background",
                "Green superpixels lower the score of the explained class, red ones raise it",
                "Green and red mark the brightest and darkest superpixels",
            ],
            "Fixed answer A, confirmed on the reference: every pixel drawn green belongs to a superpixel of positive "
            + "weight and every pixel drawn red to one of negative weight.",
            e => Confirmed(
                e.Image.LimeGreenIsPositive, "A", "green = positive weight, red = negative weight on all pictures"));

        yield return new QuizQuestion(
            4, Section, 0.3m,
            "What is the first of the samples LIME scores for a picture?",
            SelectionKind.Single,
            [
                "The picture itself: every superpixel switched on",
                "A picture with every superpixel switched off",
                "A random picture of noise",
                "The picture with each pixel replaced by the picture's mean colour",
            ],
            "Fixed answer A, confirmed on the reference: the first row of LIME's on/off samples is all ones.",
            e => Confirmed(e.Image.LimeRowZeroAllOn, "A", "row 0 of the samples was all on for every picture"));
    }
}
