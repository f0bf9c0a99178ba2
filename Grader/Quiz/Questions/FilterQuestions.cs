using XaiReference.Grader.Quiz.Evidence;
using static XaiReference.Grader.Quiz.Questions.QuestionRules;

namespace XaiReference.Grader.Quiz.Questions;

/// <summary>Questions 14-17: what the hooked layers are, and where filter 0 fires.</summary>
internal static class FilterQuestions
{
    private const string Section = "Filter explanation";
    private static readonly string[] LayerKinds = ["Conv2d", "BatchNorm2d", "ReLU", "MaxPool2d"];
    private static readonly int[] ReluCandidates = [2, 9, 15, 21, 23];

    public static IEnumerable<QuizQuestion> All()
    {
        yield return new QuizQuestion(
            14, Section, 0.3m,
            "The course hooks model.cnn[6]. What kind of layer is it?",
            SelectionKind.Single,
            LayerKinds.Select(k => $"A {k}").ToArray(),
            "The type of the module at cnn[6], read from the model, is correct.",
            e => LayerType(e.Image, 6));

        yield return new QuizQuestion(
            15, Section, 0.3m,
            "Which of these indices point at a ReLU?",
            SelectionKind.Multiple,
            ReluCandidates.Select(i => $"cnn[{i}]").ToArray(),
            "An index is correct when the model's module there is a ReLU.",
            e =>
            {
                var types = e.Image.LayerTypes;
                var correct = ReluCandidates.Select((index, option) => (index, option))
                    .Where(c => c.index < types.Count && types[c.index] == "ReLU")
                    .Select(c => QuizQuestion.Letter(c.option))
                    .ToArray();
                var listed = string.Join(", ", ReluCandidates.Select(i => $"cnn[{i}] = {TypeAt(types, i)}"));
                return correct.Length > 0
                    ? new Derivation(correct, $"{listed}.")
                    : throw new QuestionDerivationException($"no candidate is a ReLU: {listed}");
            });

        yield return new QuizQuestion(
            16, Section, 0.3m,
            "Where does filter 0 of cnn[6] fire most strongly in picture 6?",
            SelectionKind.Single,
            RegionOptions,
            "The region with the largest share of the filter's activation mass is correct.",
            e => DominantRegion(Picture(e.Image, 6).ShallowFilter, "picture 6, filter 0 of the shallow layer"),
            Figure: "filters");

        yield return new QuizQuestion(
            17, Section, 0.3m,
            "Averaged over the ten pictures, which layer's filter 0 puts a larger share of its activation on the food?",
            SelectionKind.Single,
            ["cnn[6], the layer nearer the input", "cnn[23], the deeper layer"],
            "Compare the mean food share of the two layers' activation maps.",
            e =>
            {
                var shallow = e.Image.Pictures.Average(p => p.ShallowFilter.Food);
                var deep = e.Image.Pictures.Average(p => p.DeepFilter.Food);
                return new Derivation(
                    [shallow >= deep ? "A" : "B"], $"mean food share: cnn[6] {F(shallow)}, cnn[23] {F(deep)}.");
            },
            Figure: "filters");
    }

    private static Derivation LayerType(ImageEvidence evidence, int index)
    {
        var type = TypeAt(evidence.LayerTypes, index);
        var option = Array.IndexOf(LayerKinds, type);
        return option >= 0
            ? new Derivation([QuizQuestion.Letter(option)], $"cnn[{index}] is a {type}.")
            : throw new QuestionDerivationException($"cnn[{index}] is a {type}, which is not among the options");
    }

    private static string TypeAt(IReadOnlyList<string> types, int index) =>
        index < types.Count ? types[index] : "missing module";
}
