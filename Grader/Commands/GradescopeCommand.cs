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
/// <c>grader gradescope</c>: the autograder mode. Reads what one student uploaded to Gradescope, grades the
/// submission that counts (the latest, as in <see cref="LatestSubmissions"/>) and writes <c>results.json</c> where
/// Gradescope expects it. A results file is written whatever happens, so the student always sees a reason.
/// </summary>
public sealed class GradescopeCommand(IKeySource keySource, IAnsiConsole console)
    : Command<GradescopeCommand.Settings>
{
    /// <summary>The command line of <c>grader gradescope</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The folder Gradescope puts the student's files in.</summary>
        [CommandOption("--submission <FOLDER>")]
        [Description("The student's uploaded files (default: /autograder/submission)")]
        [DefaultValue("/autograder/submission")]
        public string Submission { get; init; } = "/autograder/submission";

        /// <summary>Where Gradescope reads the results.</summary>
        [CommandOption("--results <FILE>")]
        [Description("Where to write results.json (default: /autograder/results/results.json)")]
        [DefaultValue("/autograder/results/results.json")]
        public string Results { get; init; } = "/autograder/results/results.json";

        /// <summary>The key file; without it the registered key source is asked.</summary>
        [CommandOption("--key <KEY>")]
        [Description("The answer key (JSON). Without it, the built-in key source is asked")]
        public string? Key { get; init; }

        /// <summary>Partial credit instead of the course's all-or-nothing rule.</summary>
        [CommandOption("--partial-credit")]
        [Description("(right - wrong picks) / correct options, at least 0, instead of all-or-nothing")]
        public bool PartialCredit { get; init; }

        /// <summary>Name the correct options of wrong questions in the results.</summary>
        [CommandOption("--reveal")]
        [Description("Name the correct options of wrong questions in the results")]
        public bool Reveal { get; init; }

        /// <summary>When students see the results and each question.</summary>
        [CommandOption("--visibility <WHEN>")]
        [Description("hidden, after_due_date, after_published or visible (default: visible)")]
        [DefaultValue("visible")]
        public string Visibility { get; init; } = "visible";

        /// <summary>Whether students see the autograder's standard output.</summary>
        [CommandOption("--stdout-visibility <WHEN>")]
        [Description("When students see standard output; the values of --visibility (default: hidden)")]
        [DefaultValue("hidden")]
        public string StdoutVisibility { get; init; } = "hidden";

        /// <summary>Larger files are reported and not read.</summary>
        [CommandOption("--max-file-mb <MB>")]
        [Description("Files larger than this many MiB are reported and not read (default: 5)")]
        [DefaultValue(5.0)]
        public double MaxFileMegabytes { get; init; } = 5;

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (!GradescopeResults.Visibilities.Contains(Visibility))
            {
                var allowed = string.Join(", ", GradescopeResults.Visibilities);
                return ValidationResult.Error($"--visibility: expected one of {allowed}, got '{Visibility}'");
            }

            if (!GradescopeResults.Visibilities.Contains(StdoutVisibility))
            {
                var allowed = string.Join(", ", GradescopeResults.Visibilities);
                return ValidationResult.Error(
                    $"--stdout-visibility: expected one of {allowed}, got '{StdoutVisibility}'");
            }

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

    /// <summary>Grades the upload and writes results.json; returns 0, or 1 when there is no usable key.</summary>
    public int Run(Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // The key: without one the student is told that staff must fix the autograder, and staff see why.
        QuizKey key;
        try
        {
            key = settings.Key is null ? keySource.GetKey().Validate() : QuizKeyJson.Load(settings.Key);
        }
        catch (QuizKeyException e)
        {
            console.Write(new Spectre.Console.Text(e.Message + "\n", new Style(Color.Red)));
            var broken = new GradescopeResults(
                0, "The autograder has no usable answer key; course staff have been shown why.",
                settings.Visibility, settings.StdoutVisibility, []);
            AtomicFile.WriteAllText(settings.Results, broken.ToJson());
            return 1;
        }

        // The upload: every readable submission in it, of which the latest counts.
        var options = new SubmissionReaderOptions((long)(settings.MaxFileMegabytes * 1024 * 1024));
        var batch = SubmissionReader.Read([settings.Submission], options);
        var rule = settings.PartialCredit ? ScoringRule.PartialCredit : ScoringRule.AllOrNothing;
        var chosen = Latest(batch.Submissions);
        var graded = chosen is null ? null : BatchGrader.Grade(key, chosen, rule);

        var results = GradescopeReport.Build(
            key, graded, batch.Failures, rule, settings.Reveal, settings.Visibility, settings.StdoutVisibility);
        AtomicFile.WriteAllText(settings.Results, results.ToJson());
        console.Write(new Spectre.Console.Text($"{results.Output}\nwrote {settings.Results}\n"));
        return 0;
    }

    private static Submission? Latest(IReadOnlyList<Submission> submissions)
    {
        if (submissions.Count <= 1)
            return submissions.FirstOrDefault();

        // Several in one upload (several files, or several rows): one student's, so the latest counts whatever id
        // each carries.
        var same = submissions.Select(s => s with { StudentId = "upload" }).ToList();
        var (counted, _) = LatestSubmissions.Pick(same);
        var latest = counted[0];
        return submissions.First(s => s.Order == latest.Order) with { Warnings = latest.Warnings };
    }
}
