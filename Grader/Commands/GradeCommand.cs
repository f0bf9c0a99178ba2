using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using XaiReference.Grader.Grading;
using XaiReference.Grader.Quiz;
using XaiReference.Grader.Reports;
using XaiReference.Grader.Submissions;

namespace XaiReference.Grader.Commands;

/// <summary>
/// <c>grader grade &lt;paths...&gt;</c>: grades JSON and CSV submissions, prints a table and writes the gradebook,
/// item analysis and feedback files. Unreadable inputs are listed with their reason; they never stop the batch.
/// </summary>
public sealed class GradeCommand(IKeySource keySource, IAnsiConsole console) : Command<GradeCommand.Settings>
{
    /// <summary>The command line of <c>grader grade</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Files (.json, .csv) and folders of them, in any mix.</summary>
        [CommandArgument(0, "<paths>")]
        [Description("Submission files (.json, .csv) and folders of them")]
        public string[] Paths { get; init; } = [];

        /// <summary>The key file; without it the registered key source is asked.</summary>
        [CommandOption("--key <KEY>")]
        [Description("The answer key (JSON). Without it, the built-in key source is asked")]
        public string? Key { get; init; }

        /// <summary>Where the outputs go.</summary>
        [CommandOption("--out <FOLDER>")]
        [Description("Folder for gradebook.csv, item-analysis.csv and feedback/ (default: grading)")]
        [DefaultValue("grading")]
        public string Out { get; init; } = "grading";

        /// <summary>Partial credit instead of the course's all-or-nothing rule.</summary>
        [CommandOption("--partial-credit")]
        [Description("(right - wrong picks) / correct options, at least 0, instead of all-or-nothing")]
        public bool PartialCredit { get; init; }

        /// <summary>Show the correct options in feedback files.</summary>
        [CommandOption("--reveal")]
        [Description("Show the correct options of wrong questions in the feedback files")]
        public bool Reveal { get; init; }

        /// <summary>Larger files are reported and not read.</summary>
        [CommandOption("--max-file-mb <MB>")]
        [Description("Files larger than this many MiB are reported and not read (default: 5)")]
        [DefaultValue(5.0)]
        public double MaxFileMegabytes { get; init; } = 5;

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (Paths.Length == 0)
                return ValidationResult.Error("paths: expected at least one file or folder, got none");
            if (!(MaxFileMegabytes > 0))
            {
                var given = MaxFileMegabytes.ToString(CultureInfo.InvariantCulture);
                return ValidationResult.Error($"--max-file-mb: expected a positive size, got {given}");
            }

            return ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Run(settings);

    /// <summary>Grades as the command line asks; returns the exit code (0 done, 2 no usable key).</summary>
    public int Run(Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // The key first: without one nothing can be graded.
        QuizKey key;
        try
        {
            key = settings.Key is null ? keySource.GetKey().Validate() : QuizKeyJson.Load(settings.Key);
        }
        catch (QuizKeyException e)
        {
            console.Write(new Spectre.Console.Text(e.Message + "\n", new Style(Color.Red)));
            return 2;
        }

        // Read, grade, show, write.
        var options = new SubmissionReaderOptions((long)(settings.MaxFileMegabytes * 1024 * 1024));
        var batch = SubmissionReader.Read(settings.Paths, options);
        var rule = settings.PartialCredit ? ScoringRule.PartialCredit : ScoringRule.AllOrNothing;
        var graded = BatchGrader.Grade(key, batch, rule);

        ResultTables.Write(console, graded);
        var written = ReportWriter.WriteAll(graded, settings.Out, settings.Reveal);
        console.Write(new Spectre.Console.Text($"wrote {written.Count} files to {settings.Out}\n"));
        return 0;
    }
}
