using XaiReference.Grader.Quiz.Evidence;
using static XaiReference.Grader.Quiz.Questions.QuestionRules;

namespace XaiReference.Grader.Quiz.Questions;

/// <summary>Questions 10-13: the course's SmoothGrad (500 samples, its squared-sigma noise).</summary>
internal static class SmoothGradQuestions
{
    private const string Section = "SmoothGrad";

    public static IEnumerable<QuizQuestion> All()
    {
        yield return new QuizQuestion(
            10, Section, 0.3m,
            "Averaged over the ten pictures, how does SmoothGrad's share of map mass on the food compare with the "
            + "saliency map's?",
            SelectionKind.Single,
            [
                "SmoothGrad puts a larger share on the food",
                "SmoothGrad puts a smaller share on the food",
                "The shares agree within one percentage point",
            ],
            "Compare the mean food share of the two maps; within 0.01 counts as agreeing.",
            e =>
            {
                var smooth = e.Image.Pictures.Average(p => p.SmoothGrad.Food);
                var saliency = e.Image.Pictures.Average(p => p.Saliency.Food);
                var letter = Math.Abs(smooth - saliency) <= 0.01 ? "C" : smooth > saliency ? "A" : "B";
                return new Derivation([letter], $"mean food share: SmoothGrad {F(smooth)}, saliency {F(saliency)}.");
            },
            Figure: "smoothgrad");

        yield return new QuizQuestion(
            11, Section, 0.3m,
            "The course computes sigma = 0.4 / (max - min) of the picture. What standard deviation does the noise it "
            + "adds to picture 0 actually have?",
            SelectionKind.Single,
            ["Below 0.05", "Between 0.05 and 0.3", "Between 0.3 and 0.5", "Above 0.5"],
            "The measured standard deviation of the noise the course code passes (sigma squared) decides the band.",
            e =>
            {
                var std = Picture(e.Image, 0).SmoothGradNoiseStd;
                var letter = std < 0.05 ? "A" : std < 0.3 ? "B" : std <= 0.5 ? "C" : "D";
                return new Derivation([letter], $"picture 0: noise standard deviation {F(std)}.");
            });

        yield return new QuizQuestion(
            12, Section, 0.3m,
            "In the SmoothGrad map of picture 5, which region holds the most mass?",
            SelectionKind.Single,
            RegionOptions,
            "The region with the largest share of the map's mass is correct.",
            e => DominantRegion(Picture(e.Image, 5).SmoothGrad, "picture 5, SmoothGrad"),
            Figure: "smoothgrad");

        yield return new QuizQuestion(
            13, Section, 0.3m,
            "If normalize(smooth / epoch) is replaced by smooth / epoch, what is the largest value in picture 6's map?",
            SelectionKind.Single,
            ["Below 0.01", "Between 0.01 and 1", "Exactly 1", "Above 1"],
            "The largest averaged |gradient| of picture 6 before normalisation decides the band.",
            e =>
            {
                var max = Picture(e.Image, 6).SmoothGradRawMax;
                var letter = max < 0.01 ? "A" : max < 1 ? "B" : max == 1 ? "C" : "D";
                return new Derivation([letter], $"picture 6: largest unnormalised value {F(max)}.");
            });
    }
}
