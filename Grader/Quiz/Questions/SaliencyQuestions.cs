using XaiReference.Grader.Quiz.Evidence;
using static XaiReference.Grader.Quiz.Questions.QuestionRules;

namespace XaiReference.Grader.Quiz.Questions;

/// <summary>Questions 5-9: the course's saliency maps.</summary>
internal static class SaliencyQuestions
{
    private const string Section = "Saliency map";
    private static readonly int[] Candidates = [1, 3, 5, 6, 8];
    private static readonly int[] Brightest = [0, 2, 4, 6, 9];

    public static IEnumerable<QuizQuestion> All()
    {
        yield return new QuizQuestion(
            5, Section, 0.3m,
            "What does the course's saliency map differentiate?",
            SelectionKind.Single,
            [
                "The cross-entropy loss with respect to the input pixels",
                "The predicted probability with respect to the network's weights",
                "The cross-entropy loss with respect to the network's weights",
                "The class logit with respect to the first convolution's output",
            ],
            "Fixed answer A, confirmed on the reference: its attributions equal |d loss / d input| computed directly.",
            e => Confirmed(e.Image.SaliencyIsLossGradient, "A", "the maps equal |d CrossEntropy / d x| within 1e-5"));

        yield return new QuizQuestion(
            6, Section, 0.3m,
            "Why does the course normalise each picture's saliency map by its own minimum and maximum?",
            SelectionKind.Single,
            [
                "The gradients of different pictures differ in scale by orders of magnitude",
                "Gradients are always negative and must be made positive",
                "So that each map sums to 1 like a probability distribution",
                "The backward pass cannot run on unnormalised pictures",
            ],
            "A holds when the largest raw |gradient| differs between the ten pictures by a factor of 10 or more.",
            e =>
            {
                var maxima = e.Image.Pictures.Select(p => p.SaliencyRawMax).ToArray();
                var ratio = maxima.Max() / maxima.Min();
                return Confirmed(
                    ratio >= 10, "A", $"raw maxima from {F(maxima.Min())} to {F(maxima.Max())}, ratio {F(ratio)}");
            },
            Figure: "saliency");

        yield return new QuizQuestion(
            7, Section, 0.3m,
            "In the saliency map of picture 9, which region holds the most mass?",
            SelectionKind.Single,
            RegionOptions,
            "The region with the largest share of the normalised map's mass is correct.",
            e => DominantRegion(Picture(e.Image, 9).Saliency, "picture 9, saliency"),
            Figure: "saliency");

        yield return new QuizQuestion(
            8, Section, 0.3m,
            "For which pictures does the saliency map put at least three times as much of its mass on the food as "
            + "the food's share of the picture?",
            SelectionKind.Multiple,
            Candidates.Select(n => $"Picture {n}").ToArray(),
            "A picture is correct when (saliency share on food) / (food's area share) >= 3.",
            e => PicturesWhere(
                e.Image,
                Candidates,
                p => p.Saliency.Food / p.Area.Food >= 3,
                p => $"food share {F(p.Saliency.Food)} over area {F(p.Area.Food)} = "
                    + $"{F(p.Saliency.Food / p.Area.Food)}"),
            Figure: "saliency");

        yield return new QuizQuestion(
            9, Section, 0.3m,
            "Without the per-picture normalisation, which of these pictures would have the brightest saliency map?",
            SelectionKind.Single,
            Brightest.Select(n => $"Picture {n}").ToArray(),
            "The picture with the largest raw |gradient| is correct.",
            e =>
            {
                var best = Brightest.MaxBy(n => Picture(e.Image, n).SaliencyRawMax);
                var listed = string.Join(", ", Brightest.Select(n => $"{n}: {F(Picture(e.Image, n).SaliencyRawMax)}"));
                return new Derivation([QuizQuestion.Letter(Array.IndexOf(Brightest, best))], $"raw maxima {listed}.");
            });
    }
}
