using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using XaiReference.Grader.Grading;
using XaiReference.Grader.Quiz;
using XaiReference.Grader.Quiz.Evidence;
using XaiReference.Grader.Reports;
using XaiReference.Models;

namespace XaiReference.Grader.Commands;

/// <summary>
/// <c>grader key</c>: derives the quiz's correct options from the reference's outputs, prints them (with the
/// numbers behind each answer under <c>--explain</c>) and can write the key as JSON for <c>grade --key</c>.
/// </summary>
public sealed class KeyCommand(IAnsiConsole console) : Command<KeyCommand.Settings>
{
    /// <summary>The command line of <c>grader key</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Print each answer's rule and numbers.</summary>
        [CommandOption("--explain")]
        [Description("Print, per question, the rule and the measured numbers behind the answer")]
        public bool Explain { get; init; }

        /// <summary>Where to write the key.</summary>
        [CommandOption("--out <FILE>")]
        [Description("Write the key as JSON to this file (usable with grade --key)")]
        public string? Out { get; init; }

        /// <summary>A course checkpoint instead of the embedded network.</summary>
        [CommandOption("--model <FILE>")]
        [Description("A course checkpoint (PyTorch .pt/.pth/.bin or .safetensors) instead of the embedded network")]
        public string? Model { get; init; }

        /// <summary>Course or slim width.</summary>
        [CommandOption("--width <WIDTH>")]
        [Description("The checkpoint's width: course (128,128,256,512,512; 1024) or slim (default: course)")]
        [DefaultValue("course")]
        public string Width { get; init; } = "course";

        /// <summary>A folder of pictures 0..9 with masks.</summary>
        [CommandOption("--pictures <FOLDER>")]
        [Description("Folder with pictures 0.png .. 9.png (or .jpg) and region masks 0.mask.png .. 9.mask.png")]
        public string? Pictures { get; init; }

        /// <summary>The pictures' labels.</summary>
        [CommandOption("--labels <LABELS>")]
        [Description("The pictures' classes in order, comma-separated, e.g. 1,1,2,3,5,6,8,8,8,9")]
        public string? Labels { get; init; }

        /// <summary>A Hugging Face BERT folder instead of the embedded MiniLM.</summary>
        [CommandOption("--bert <FOLDER>")]
        [Description("A Hugging Face BERT folder (config.json, vocab.txt, weights) instead of the embedded MiniLM")]
        public string? Bert { get; init; }

        /// <summary>The cache folder.</summary>
        [CommandOption("--cache <FOLDER>")]
        [Description("Where measurements are cached (default: $XAI_REFERENCE_CACHE or ~/.cache/xai-reference)")]
        public string? Cache { get; init; }

        /// <summary>Lighter settings for a quick look.</summary>
        [CommandOption("--quick")]
        [Description("Lighter method settings (fewer samples and steps) for a quick look; not the course's key")]
        public bool Quick { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if ((Model is null) != (Pictures is null) || (Pictures is null) != (Labels is null))
            {
                return ValidationResult.Error("--model, --pictures and --labels go together: give all three or none");
            }

            return Width is "course" or "slim"
                ? ValidationResult.Success()
                : ValidationResult.Error($"--width: expected course or slim, got '{Width}'");
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var inputs = settings.Model is null
            ? (Func<QuizInputs>)QuizInputs.Default
            : () => QuizInputs.FromFiles(
                settings.Model,
                settings.Width == "slim" ? ClassifierWidth.Slim : ClassifierWidth.Course,
                settings.Pictures!,
                ParseLabels(settings.Labels!));
        if (settings.Bert is { } bert)
        {
            var withoutBert = inputs;
            inputs = () => withoutBert().WithBert(bert);
        }

        var source = new DerivedKeySource(console, inputs, settings.Cache ?? EvidenceCache.DefaultFolder());
        var derived = source.DeriveWithProgress(settings.Quick ? EvidenceSettings.Quick : EvidenceSettings.Course);

        var table = new Table().AddColumn("#").AddColumn("section").AddColumn("correct");
        if (settings.Explain)
        {
            table.AddColumn("why");
        }

        foreach (var question in derived.Key.Questions)
        {
            var cells = new List<string>
            {
                question.Number.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(question.Section),
                string.Join(";", question.Correct),
            };
            if (settings.Explain)
            {
                cells.Add(Markup.Escape(question.Derivation ?? ""));
            }

            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        console.MarkupLine(Markup.Escape(
            $"measurements {(derived.FromCache ? "read from" : "cached in")} {derived.CacheFile}"));
        if (settings.Out is not null)
        {
            AtomicFile.WriteAllText(settings.Out, QuizKeyJson.Serialize(derived.Key));
            console.MarkupLine(Markup.Escape($"wrote the key to {settings.Out}"));
        }

        return 0;
    }

    private static int[] ParseLabels(string labels) =>
        labels.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(l => int.TryParse(l, CultureInfo.InvariantCulture, out var label) && label is >= 0 and < 11
                ? label
                : throw new ArgumentException($"--labels: expected classes 0 .. 10, got '{l}'"))
            .ToArray();
}
