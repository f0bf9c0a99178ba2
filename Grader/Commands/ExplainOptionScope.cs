using XaiReference.Grader.Explain;

namespace XaiReference.Grader.Commands;

/// <summary>
/// Which options of <c>grader explain</c> belong to which methods: the picture options (<c>--model</c>,
/// <c>--pictures</c>, <c>--samples</c>, <c>--steps</c>) to the picture methods, <c>--bert</c> to the text
/// methods, <c>--text</c>, <c>--pronoun</c> and <c>--noun</c> to attention, <c>--word</c> and
/// <c>--sentences</c> to distances. An option given to a method it does not belong to is refused rather than
/// ignored.
/// </summary>
internal static class ExplainOptionScope
{
    /// <summary>The first option given to a method it does not belong to, as an error line; null when none.</summary>
    public static string? Misplaced(ExplainCommand.Settings settings)
    {
        var isText = TextExplainMethods.TryParse(settings.Method, out var method);
        var given = new (string Name, bool Given, Func<bool> Belongs)[]
        {
            ("--model", settings.Model is not null, () => !isText),
            ("--pictures", settings.Pictures is not null, () => !isText),
            ("--samples", settings.Samples is not null, () => !isText),
            ("--steps", settings.Steps is not null, () => !isText),
            ("--bert", settings.Bert is not null, () => isText),
            ("--text", settings.Text is not null, () => isText && method == TextExplainMethod.Attention),
            ("--pronoun", settings.Pronoun is not null, () => isText && method == TextExplainMethod.Attention),
            ("--noun", settings.Noun is not null, () => isText && method == TextExplainMethod.Attention),
            ("--word", settings.Word is not null, () => isText && method == TextExplainMethod.Distances),
            ("--sentences", settings.Sentences is not null, () => isText && method == TextExplainMethod.Distances),
        };

        var wrong = given.FirstOrDefault(o => o.Given && !o.Belongs());
        return wrong.Name is null ? null : $"{wrong.Name}: {Owner(wrong.Name)}, not to '{settings.Method}'";
    }

    private static string Owner(string option) => option switch
    {
        "--model" or "--pictures" or "--samples" or "--steps" =>
            "belongs to the picture methods (saliency, smoothgrad, ig, lime, filters, all)",
        "--bert" => "belongs to the text methods (attention, embeddings, distances)",
        "--word" or "--sentences" => "belongs to distances",
        _ => "belongs to attention",
    };
}
