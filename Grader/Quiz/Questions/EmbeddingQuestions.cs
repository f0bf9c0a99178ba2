using XaiReference.Grader.Quiz.Evidence;
using static XaiReference.Grader.Quiz.Questions.QuestionRules;

namespace XaiReference.Grader.Quiz.Questions;

/// <summary>Questions 25-30: hidden-state projection of question/context examples, and the ambiguous word.</summary>
internal static class EmbeddingQuestions
{
    private const string Projection = "Embedding visualisation";
    private const string Analysis = "Embedding analysis";

    public static IEnumerable<QuizQuestion> All()
    {
        yield return new QuizQuestion(
            25, Projection, 0.4m,
            "Averaged over the three question/context examples, in which layers are the answer's tokens closest to the "
            + "question's tokens (mean distance in the full hidden space)?",
            SelectionKind.Single,
            ["Layer 0 (the embeddings)", "Layers 1-2", "Layers 3-4", "Layers 5-6"],
            "The layer with the smallest mean answer-to-question distance decides the band.",
            e =>
            {
                var means = MeanPerLayer(e.Text, d => d.AnswerToQuestion);
                var best = Array.IndexOf(means, means.Min());
                var letter = best == 0 ? "A" : best <= 2 ? "B" : best <= 4 ? "C" : "D";
                return new Derivation(
                    [letter], $"mean answer-to-question distance per layer: {string.Join(", ", means.Select(F))}.");
            },
            Figure: "projection");

        yield return new QuizQuestion(
            26, Projection, 0.4m,
            "Relative to the answer's distance to the rest of the context, does the answer move towards the "
            + "question or "
            + "away from it between layer 0 and the last layer?",
            SelectionKind.Single,
            ["Towards the question", "Away from the question", "Neither: the ratio changes by less than 5%"],
            "Compare the mean ratio (answer-to-question) / (answer-to-context) at layer 0 and at the last layer.",
            e =>
            {
                var ratios = MeanPerLayer(e.Text, d => d.AnswerToQuestion / d.AnswerToContext);
                var (first, last) = (ratios[0], ratios[^1]);
                var letter = Math.Abs(last - first) < 0.05 * first ? "C" : last < first ? "A" : "B";
                return new Derivation([letter], $"mean ratio per layer: {string.Join(", ", ratios.Select(F))}.");
            },
            Figure: "projection");

        yield return new QuizQuestion(
            27, Projection, 0.4m,
            "Can two tokens be farther apart in the 2-D PCA projection than in the full hidden space?",
            SelectionKind.Single,
            [
                "No: projecting onto orthonormal components never lengthens a distance",
                "Yes: PCA stretches the directions of largest variance",
                "Only in the layers where the variance is small",
            ],
            "Fixed answer A, confirmed on the reference: every projected distance is at most its full-space distance.",
            e =>
            {
                var pairs = e.Text.QaDistances.SelectMany(x => x).ToArray();
                var holds = pairs.All(d => d.ProjectedAnswerToQuestion <= d.AnswerToQuestion + 1e-9
                                           && d.ProjectedAnswerToContext <= d.AnswerToContext + 1e-9);
                return Confirmed(holds, "A", $"{pairs.Length} layer distances, none longer after projection");
            });

        yield return new QuizQuestion(
            28, Analysis, 0.4m,
            "At which layer is the gap between the word's similarity within one meaning and across the two "
            + "meanings largest?",
            SelectionKind.Single,
            ["Layer 0", "Layer 1 or 2", "Layer 3 or 4", "Layer 5 or 6"],
            "The layer with the largest (mean within-meaning - mean across-meaning cosine similarity) decides "
            + "the band.",
            e =>
            {
                var best = e.Text.Separation.MaxBy(s => s.Separation)!;
                var letter = best.Layer == 0 ? "A" : best.Layer <= 2 ? "B" : best.Layer <= 4 ? "C" : "D";
                var listed = string.Join(", ", e.Text.Separation.Select(s => $"{s.Layer}: {F(s.Separation)}"));
                return new Derivation([letter], $"gap per layer {listed}.");
            },
            Figure: "distances");

        yield return new QuizQuestion(
            29, Analysis, 0.4m,
            "At layer 0, what can change the similarity of the same word in two sentences?",
            SelectionKind.Single,
            [
                "Its position (and segment): at layer 0 a token's vector depends only on token, position and segment",
                "The other words of the sentence",
                "The meaning of the word in its sentence",
                "Nothing: layer-0 vectors of the same word are always identical",
            ],
            "Fixed answer A, confirmed on the reference: the same word at the same position in two contexts has "
            + "layer-0 similarity 1, and moving it lowers the similarity.",
            e => Confirmed(
                e.Text.Layer0SamePosition > 1 - 1e-6 && e.Text.Layer0Moved < 1 - 1e-3,
                "A",
                $"same position, other context: {e.Text.Layer0SamePosition:0.######}; moved: {F(e.Text.Layer0Moved)}"));

        yield return new QuizQuestion(
            30, Analysis, 0.4m,
            "The course's function named cosine_similarity returns 1 - cos. What does it return for the word in "
            + "sentence 0 "
            + "and sentence 5 (different meanings) at the last layer?",
            SelectionKind.Single,
            ["Below 0.2", "Between 0.2 and 0.5", "Between 0.5 and 1", "Above 1"],
            "1 - (cosine similarity of the two vectors at the last layer) decides the band.",
            e =>
            {
                var last = e.Text.CosineSimilarity[^1];
                var distance = 1 - last[0][5];
                var letter = distance < 0.2 ? "A" : distance < 0.5 ? "B" : distance <= 1 ? "C" : "D";
                return new Derivation(
                    [letter],
                    $"meanings {e.Text.Meanings[0]} / {e.Text.Meanings[5]}, cosine similarity {F(last[0][5])}, "
                    + $"so 1 - cos = {F(distance)}.");
            },
            Figure: "distances");
    }

    private static double[] MeanPerLayer(TextEvidence evidence, Func<XaiReference.Text.QaLayerDistances, double> value)
    {
        var layers = evidence.QaDistances[0].Count;
        return Enumerable.Range(0, layers)
            .Select(l => evidence.QaDistances.Average(example => value(example[l])))
            .ToArray();
    }
}
