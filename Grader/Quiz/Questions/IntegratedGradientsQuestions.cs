using XaiReference.Grader.Quiz.Evidence;
using static XaiReference.Grader.Quiz.Questions.QuestionRules;

namespace XaiReference.Grader.Quiz.Questions;

/// <summary>Questions 18-20: the course's Integrated Gradients against the paper's.</summary>
internal static class IntegratedGradientsQuestions
{
    private const string Section = "Integrated Gradients";

    public static IEnumerable<QuizQuestion> All()
    {
        yield return new QuizQuestion(
            18, Section, 0.3m,
            "With steps = 10, which path images does the course's Integrated Gradients evaluate?",
            SelectionKind.Single,
            [
                "x * k / 10 for k = 0, 1, ..., 9: from black up to, but not including, the picture",
                "x * k / 10 for k = 1, 2, ..., 10: from just above black up to the picture",
                "x * k / 10 for k = 0, 1, ..., 10",
                "Ten pictures with random noise added",
            ],
            "Compare the course method's path coefficients with k / steps.",
            e =>
            {
                var alphas = e.Image.CoursePathAlphas;
                var steps = alphas.Count;
                bool Matches(int from) =>
                    alphas.Select((a, i) => Math.Abs(a - (double)(i + from) / steps) < 1e-9).All(x => x);
                var letter = Matches(0) ? "A" : Matches(1) ? "B" : null;
                var listed = string.Join(", ", alphas.Select(F));
                return letter is not null
                    ? new Derivation([letter], $"path coefficients {listed}.")
                    : throw new QuestionDerivationException($"the path coefficients {listed} match no option");
            });

        yield return new QuizQuestion(
            19, Section, 0.3m,
            "For the paper's Integrated Gradients, what does going from 10 to 50 steps do to the convergence delta "
            + "(the gap between the attributions' sum and F(x) - F(baseline)), averaged over the ten pictures?",
            SelectionKind.Single,
            ["It shrinks", "It grows", "It stays the same"],
            "Compare the mean |convergence delta| at the two step counts (a change under 1% counts as the same).",
            e =>
            {
                var few = e.Image.Pictures.Average(p => p.PaperDeltaFewSteps);
                var many = e.Image.Pictures.Average(p => p.PaperDeltaManySteps);
                var letter = Math.Abs(many - few) <= 0.01 * few ? "C" : many < few ? "A" : "B";
                return new Derivation(
                    [letter], $"mean |delta|: {F(few)} with few steps, {F(many)} with five times as many.");
            });

        yield return new QuizQuestion(
            20, Section, 0.3m,
            "Do the course's Integrated Gradients attributions of a picture add up to F(x) - F(black) for its class?",
            SelectionKind.Single,
            [
                "No: they are never multiplied by (x - baseline), so completeness does not hold",
                "Yes, exactly",
                "Yes, within 1%",
            ],
            "Completeness is a property of every input, so one picture whose sum misses F(x) - F(black) by more than "
            + "5% confirms A.",
            e =>
            {
                var gaps = e.Image.Pictures
                    .Select(p => Math.Abs(p.CourseIgSum - p.ScoreGain) / Math.Max(Math.Abs(p.ScoreGain), 1e-12))
                    .ToArray();
                var missing = gaps.Count(g => g > 0.05);
                return Confirmed(
                    missing > 0,
                    "A",
                    $"relative gaps {string.Join(", ", gaps.Select(F))}; {missing} of {gaps.Length} above 5%");
            });
    }
}
