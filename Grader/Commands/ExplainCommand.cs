using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using XaiReference.Grader.Explain;
using XaiReference.Models;

namespace XaiReference.Grader.Commands;

/// <summary>
/// <c>grader explain &lt;method&gt;</c>: runs saliency, SmoothGrad, Integrated Gradients, LIME or the filter
/// visualisation (or all five) on pictures, or one of the text methods (attention, embeddings, distances) on a
/// BERT, and writes each method's figures, arrays and tables.
/// </summary>
public sealed class ExplainCommand(IAnsiConsole console) : Command<ExplainCommand.Settings>
{
    /// <summary>The command line of <c>grader explain</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The method, or all.</summary>
        [CommandArgument(0, "<METHOD>")]
        [Description("Pictures: saliency, smoothgrad, ig, lime, filters or all (the five picture methods). "
            + "Text: attention, embeddings or distances")]
        public string Method { get; init; } = "";

        /// <summary>Course or paper variant.</summary>
        [CommandOption("--variant <VARIANT>")]
        [Description("course (the notebook's settings) or paper (the papers' defaults); default course")]
        [DefaultValue("course")]
        public string Variant { get; init; } = "course";

        /// <summary>A course checkpoint instead of the embedded network.</summary>
        [CommandOption("--model <FILE>")]
        [Description("A course checkpoint (.pt/.pth/.bin or .safetensors) instead of the embedded fixture network")]
        public string? Model { get; init; }

        /// <summary>Course or slim width.</summary>
        [CommandOption("--width <WIDTH>")]
        [Description("The checkpoint's width: course or slim; default course")]
        [DefaultValue("course")]
        public string Width { get; init; } = "course";

        /// <summary>A flat folder of pictures.</summary>
        [CommandOption("--pictures <FOLDER>")]
        [Description("A flat folder of <label>_<index>.png|jpg pictures; default the ten fixture pictures")]
        public string? Pictures { get; init; }

        /// <summary>The output folder.</summary>
        [CommandOption("--out <FOLDER>")]
        [Description("Where the figures and .npy arrays go; default explain/")]
        [DefaultValue("explain")]
        public string Out { get; init; } = "explain";

        /// <summary>SmoothGrad's and LIME's samples.</summary>
        [CommandOption("--samples <N>")]
        [Description("SmoothGrad noisy copies and LIME samples (course: 500 and 1000)")]
        public int? Samples { get; init; }

        /// <summary>Integrated Gradients' and activation maximisation's steps.</summary>
        [CommandOption("--steps <N>")]
        [Description("Integrated Gradients path points and filter Adam steps (course: 10 and 100)")]
        public int? Steps { get; init; }

        /// <summary>The cnn layer of the filter figure.</summary>
        [CommandOption("--layer <INDEX>")]
        [Description("Index into the classifier's cnn for the filter figure; default 6")]
        [DefaultValue(6)]
        public int Layer { get; init; } = 6;

        /// <summary>The filter of that layer.</summary>
        [CommandOption("--filter <INDEX>")]
        [Description("The channel of that layer; default 0")]
        [DefaultValue(0)]
        public int Filter { get; init; }

        /// <summary>The seed of the random methods.</summary>
        [CommandOption("--seed <SEED>")]
        [Description("Seed of SmoothGrad's noise, LIME's samples and the filter run; default 0")]
        [DefaultValue(0L)]
        public long Seed { get; init; }

        /// <summary>Palette PNGs.</summary>
        [CommandOption("--palette")]
        [Description("Write the figures as 256-colour palette PNGs (about a third of the size; for docs)")]
        public bool Palette { get; init; }

        /// <summary>attention: the sentence.</summary>
        [CommandOption("--text <SENTENCE>")]
        [Description("attention: the sentence; default the fixture sentence about the bridge (its 'it' is linked)")]
        public string? Text { get; init; }

        /// <summary>attention: the pronoun of the coreference ranking.</summary>
        [CommandOption("--pronoun <WORD>")]
        [Description("attention: a pronoun of the sentence; with --noun ranks the heads linking them")]
        public string? Pronoun { get; init; }

        /// <summary>attention: the noun of the coreference ranking.</summary>
        [CommandOption("--noun <WORD>")]
        [Description("attention: the noun the pronoun stands for")]
        public string? Noun { get; init; }

        /// <summary>distances: the ambiguous word.</summary>
        [CommandOption("--word <WORD>")]
        [Description("distances: the ambiguous word; default the word set's own (apple)")]
        public string? Word { get; init; }

        /// <summary>distances: a word-set file.</summary>
        [CommandOption("--sentences <FILE>")]
        // Square brackets are doubled: the help is Spectre markup, where [x] would be a style.
        [Description("distances: a word-set JSON file, {\"word\", \"sentences\": [[{\"text\", \"meaning\"}]]}; "
            + "default the ten apple sentences")]
        public string? Sentences { get; init; }

        /// <summary>A Hugging Face BERT folder instead of the embedded all-MiniLM-L6-v2.</summary>
        [CommandOption("--bert <FOLDER>")]
        [Description("Text methods: a Hugging Face BERT folder (config.json, vocab.txt, model.safetensors or "
            + "pytorch_model.bin) instead of the embedded all-MiniLM-L6-v2")]
        public string? Bert { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            var misplaced = ExplainOptionScope.Misplaced(this);
            if (misplaced is not null)
            {
                return ValidationResult.Error(misplaced);
            }

            if (Text is not null && string.IsNullOrWhiteSpace(Text))
            {
                return ValidationResult.Error($"--text: expected a sentence, got '{Text}'");
            }

            if (Text is not null && (Pronoun is null) != (Noun is null))
            {
                return ValidationResult.Error(
                    $"--pronoun and --noun: give both or neither, got '{Pronoun ?? "-"}' and '{Noun ?? "-"}'");
            }

            if (Variant is not ("course" or "paper"))
            {
                return ValidationResult.Error($"--variant: expected course or paper, got '{Variant}'");
            }

            if (Width is not ("course" or "slim"))
            {
                return ValidationResult.Error($"--width: expected course or slim, got '{Width}'");
            }

            if (Samples is < 1 || Steps is < 1)
            {
                return ValidationResult.Error(
                    "--samples and --steps: expected at least 1, got " +
                    $"{Samples?.ToString(CultureInfo.InvariantCulture) ?? "-"} and " +
                    $"{Steps?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
            }

            return Layer < 0 || Filter < 0
                ? ValidationResult.Error($"--layer and --filter: expected 0 or more, got {Layer} and {Filter}")
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (TextExplainMethods.TryParse(settings.Method, out var textMethod))
        {
            return ExecuteText(settings, textMethod);
        }

        var methods = ExplainMethods.Parse(settings.Method);
        var knobs = new ExplainKnobs(
            Paper: settings.Variant == "paper",
            settings.Samples,
            settings.Steps,
            settings.Layer,
            settings.Filter,
            settings.Seed,
            settings.Palette);
        var width = settings.Width == "slim" ? ClassifierWidth.Slim : ClassifierWidth.Course;
        using var inputs = ExplainInputs.Load(settings.Model, width, settings.Pictures);

        IReadOnlyList<ExplainOutput> outputs = [];
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn())
            .Start(progressContext =>
            {
                var tasks = methods.ToDictionary(
                    m => m,
                    m => progressContext.AddTask(ExplainMethods.FileStem(m), autoStart: false, maxValue: 1));
                outputs = ExplainRunner.Run(inputs, methods, knobs, settings.Out, method =>
                {
                    var task = tasks[method];
                    task.StartTask();
                    return new ExplainProgress(p =>
                    {
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Completed;
                    });
                });
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                    task.StopTask();
                }
            });

        var table = new Table().AddColumn("method").AddColumn("seconds").AddColumn("files");
        foreach (var output in outputs)
        {
            table.AddRow(
                ExplainMethods.FileStem(output.Method),
                output.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", output.Files.Select(Path.GetFileName))));
        }

        console.Write(table);
        console.MarkupLine(Markup.Escape(
            $"explained {inputs.Labels.Count} pictures ({inputs.Source}) into {settings.Out}"));
        return 0;
    }

    private int ExecuteText(Settings settings, TextExplainMethod method)
    {
        var knobs = new TextKnobs(
            settings.Text,
            settings.Pronoun,
            settings.Noun,
            settings.Word,
            settings.Sentences,
            settings.Palette);
        using var bert = TextExplainInputs.LoadBert(settings.Bert);
        var output = TextExplainRunner.Run(bert, method, knobs, settings.Out);

        var table = new Table().AddColumn("method").AddColumn("seconds").AddColumn("files");
        table.AddRow(
            TextExplainMethods.FileStem(method),
            output.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture),
            Markup.Escape(string.Join(", ", output.Files.Select(Path.GetFileName))));
        console.Write(table);
        var model = settings.Bert is null
            ? "all-MiniLM-L6-v2"
            : Path.GetFileName(Path.TrimEndingDirectorySeparator(settings.Bert));
        console.MarkupLine(Markup.Escape($"explained with {model} into {settings.Out}"));
        return 0;
    }
}
