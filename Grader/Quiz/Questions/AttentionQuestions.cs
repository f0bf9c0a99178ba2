using XaiReference.Grader.Quiz.Evidence;
using XaiReference.Text;
using static XaiReference.Grader.Quiz.Questions.QuestionRules;

namespace XaiReference.Grader.Quiz.Questions;

/// <summary>
/// Questions 21-24: what BERT's attention heads do on one sentence. Layers and heads are numbered from 0, as in
/// the attention viewer and the figures: layer 0 is the first encoder layer (hidden state 1 is its output).
/// </summary>
internal static class AttentionQuestions
{
    private const string Section = "Attention";
    private static readonly (int Layer, int Head)[] PreviousCandidates = [(0, 0), (0, 2), (1, 8), (3, 11), (5, 0)];
    private static readonly (int Layer, int Head)[] CoreferenceCandidates = [(0, 0), (1, 3), (2, 4), (5, 2)];
    private static readonly (int Layer, int Head) FunctionHead = (1, 8);
    private static readonly string[] Functions = ["Previous", "Same", "Next", "Cls", "Sep", "Period"];

    private static readonly string[] FunctionOptions =
    [
        "The previous token", "The token itself", "The next token", "[CLS]", "[SEP]", "The period",
    ];

    public static IEnumerable<QuizQuestion> All()
    {
        yield return new QuizQuestion(
            21, Section, 0.4m,
            "On the attention sentence, which of these heads sends the strongest attention of the largest share of "
            + "tokens to the previous token?",
            SelectionKind.Single,
            PreviousCandidates.Select(Name).ToArray(),
            "Among the listed heads, the one with the largest share of tokens whose strongest attention goes to the "
            + "previous token is correct.",
            e =>
            {
                var shares = PreviousCandidates.Select(c => Head(e.Text, c).Previous).ToArray();
                var best = Array.IndexOf(shares, shares.Max());
                var listed = string.Join(", ", PreviousCandidates.Select((c, i) => $"{Name(c)}: {F(shares[i])}"));
                return new Derivation([QuizQuestion.Letter(best)], $"previous-token shares: {listed}.");
            },
            Figure: "attention");

        yield return new QuizQuestion(
            22, Section, 0.4m,
            $"Where does {Name(FunctionHead).ToLowerInvariant()} send the strongest attention of at least 30% of the "
            + "tokens of the attention sentence? Choose every target that does.",
            SelectionKind.Multiple,
            FunctionOptions,
            "A target is correct when at least 30% of the tokens put their strongest attention there.",
            e => Targets(Head(e.Text, FunctionHead), threshold: 0.3),
            Figure: "attention");

        yield return new QuizQuestion(
            23, Section, 0.4m,
            "In the attention sentence, which of these heads attends most strongly from the pronoun to the noun it "
            + "refers to?",
            SelectionKind.Single,
            CoreferenceCandidates.Select(Name).ToArray(),
            "Among the listed heads, the one with the largest attention weight from the pronoun to the noun is "
            + "correct.",
            e =>
            {
                var weights = CoreferenceCandidates
                    .Select(c => e.Text.Coreference.Single(h => h.Layer == c.Layer && h.Head == c.Head).Weight)
                    .ToArray();
                var best = Array.IndexOf(weights, weights.Max());
                var top = e.Text.Coreference[0];
                var listed = string.Join(", ", CoreferenceCandidates.Select((c, i) => $"{Name(c)}: {F(weights[i])}"));
                return new Derivation(
                    [QuizQuestion.Letter(best)],
                    $"'{e.Text.Pronoun}' -> '{e.Text.Noun}': {listed}; strongest of all heads: "
                    + $"{Name((top.Layer, top.Head))} ({F(top.Weight)}).");
            },
            Figure: "attention");

        yield return new QuizQuestion(
            24, Section, 0.4m,
            "Counting every head of every layer on the attention sentence, which target is most often the head's "
            + "strongest function?",
            SelectionKind.Single,
            FunctionOptions,
            "Each head's strongest function is the target with its largest share; the most frequent one is correct.",
            e =>
            {
                var counts = Functions.Select(f => e.Text.Heads.Count(h => h.Strongest.Name == f)).ToArray();
                var listed = string.Join(", ", Functions.Select((f, i) => $"{f}: {counts[i]}"));
                return new Derivation(
                    [QuizQuestion.Letter(Array.IndexOf(counts, counts.Max()))],
                    $"heads by strongest function ({e.Text.Heads.Count} heads): {listed}.");
            });
    }

    private static string Name((int Layer, int Head) head) => $"Layer {head.Layer}, head {head.Head}";

    private static HeadFunction Head(TextEvidence evidence, (int Layer, int Head) head) =>
        evidence.Heads.SingleOrDefault(h => h.Layer == head.Layer && h.Head == head.Head)
        ?? throw new QuestionDerivationException($"the model has no {Name(head).ToLowerInvariant()}");

    private static Derivation Targets(HeadFunction head, double threshold)
    {
        double[] shares = [head.Previous, head.Same, head.Next, head.Cls, head.Sep, head.Period];
        var correct = shares.Select((s, i) => (s, i))
            .Where(p => p.s >= threshold)
            .Select(p => QuizQuestion.Letter(p.i))
            .ToArray();
        var listed = string.Join(", ", Functions.Select((f, i) => $"{f} {F(shares[i])}"));
        return correct.Length > 0
            ? new Derivation(correct, $"{Name((head.Layer, head.Head)).ToLowerInvariant()}: {listed}.")
            : throw new QuestionDerivationException($"no target reaches {F(threshold)}: {listed}");
    }
}
