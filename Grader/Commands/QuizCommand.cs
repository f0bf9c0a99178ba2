using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using XaiReference.Grader.Sheet;

namespace XaiReference.Grader.Commands;

/// <summary>
/// <c>grader quiz</c>: writes the students' question sheet (Markdown and printable HTML), the pictures it shows and
/// blank answer files. It needs no key: questions and options are fixed text, only the correct options are derived.
/// </summary>
public sealed class QuizCommand(IAnsiConsole console) : Command<QuizCommand.Settings>
{
    /// <summary>The command line of <c>grader quiz</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Where the sheet goes.</summary>
        [CommandOption("--out <FOLDER>")]
        [Description("Folder for quiz.md, quiz.html, the PNGs, answers.json and answers.csv (default: quiz)")]
        [DefaultValue("quiz")]
        public string Out { get; init; } = "quiz";

        /// <summary>A folder of method figures to show on the sheet.</summary>
        [CommandOption("--figures <FOLDER>")]
        [Description("A folder of method figures named as the questions name them (lime.png, saliency.png, ...), "
                     + "e.g. from explain all --out; shown at the start of their section")]
        public string? Figures { get; init; }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Run(settings);

    /// <summary>Writes the sheet as the command line asks; returns the exit code (0 when written).</summary>
    public int Run(Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var sheet = QuizSheet.Course();
        var names = sheet.FigureNames;
        if (settings.Figures is not null)
            sheet = sheet with { Figures = QuizSheet.LoadFigures(settings.Figures, names) };

        var written = QuizSheetWriter.WriteAll(sheet, settings.Out);

        var count = sheet.Questions.Count.ToString(CultureInfo.InvariantCulture);
        console.MarkupLine(Markup.Escape($"wrote the sheet of {count} questions to {settings.Out}:"));
        foreach (var path in written)
        {
            var size = new FileInfo(path).Length.ToString("N0", CultureInfo.InvariantCulture);
            console.MarkupLine(Markup.Escape($"  {Path.GetFileName(path)} ({size} bytes)"));
        }

        if (settings.Figures is not null)
        {
            var missing = names.Where(n => !sheet.Figures.ContainsKey(n)).ToList();
            if (missing.Count > 0)
            {
                console.MarkupLine(Markup.Escape(
                    $"no figure in {settings.Figures} for: {string.Join(", ", missing.Select(n => n + ".png"))}"));
            }
        }

        return 0;
    }
}
