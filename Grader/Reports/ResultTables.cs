using System.Globalization;
using Spectre.Console;
using XaiReference.Grader.Grading;

namespace XaiReference.Grader.Reports;

/// <summary>The tables the grade command prints: students, problems, and item analysis.</summary>
public static class ResultTables
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// One row per student (score, wrong questions, warnings) then one per input that could not be read, in red.
    /// </summary>
    public static Table Students(GradedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var table = new Table()
            .Title($"{Markup.Escape(batch.Key.Title)}: {batch.Graded.Count} graded, {batch.Failures.Count} unreadable")
            .AddColumn("Student")
            .AddColumn(new TableColumn("Score").RightAligned())
            .AddColumn("Wrong")
            .AddColumn("Notes");

        var max = ReportText.Points(batch.Key.MaxPoints);
        foreach (var graded in batch.Graded)
        {
            var wrong = graded.Wrong;
            table.AddRow(
                new Spectre.Console.Text(graded.Submission.StudentId),
                new Spectre.Console.Text($"{ReportText.Points(graded.Total)} / {max}"),
                new Spectre.Console.Text(wrong.Count == 0 ? "-" : ReportText.Ranges(wrong)),
                new Spectre.Console.Text(string.Join("\n", graded.Warnings), new Style(Color.Yellow)));
        }

        foreach (var failure in batch.Failures)
        {
            table.AddRow(
                new Spectre.Console.Text(failure.StudentId ?? "?"),
                new Spectre.Console.Text("-"),
                new Spectre.Console.Text("-"),
                new Spectre.Console.Text($"{failure.Source}: {failure.Error}", new Style(Color.Red)));
        }

        return table;
    }

    /// <summary>Fewer graded students than this get no item-analysis table in the terminal.</summary>
    public const int MinimumClassForItemAnalysis = 5;

    /// <summary>Item analysis: share correct and discrimination per question, flagged questions highlighted.</summary>
    public static Table Items(GradedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var table = new Table()
            .Title("Item analysis (discrimination: point-biserial with the rest score)")
            .AddColumn(new TableColumn("Q").RightAligned())
            .AddColumn("Section")
            .AddColumn(new TableColumn("Correct").RightAligned())
            .AddColumn(new TableColumn("r_pb").RightAligned())
            .AddColumn("Flag");
        foreach (var item in batch.Items)
        {
            var style = item.Flag is null ? Style.Plain : new Style(Color.Yellow);
            table.AddRow(
                new Spectre.Console.Text(item.Number.ToString(Invariant)),
                new Spectre.Console.Text(item.Section),
                new Spectre.Console.Text(
                    double.IsNaN(item.ShareCorrect) ? "" : item.ShareCorrect.ToString("P0", Invariant)),
                new Spectre.Console.Text(ReportText.Statistic(item.Discrimination)),
                new Spectre.Console.Text(item.Flag ?? "", style));
        }

        return table;
    }

    /// <summary>Writes both tables, the notes about whole files and the replaced submissions to a console.</summary>
    public static void Write(IAnsiConsole console, GradedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(batch);
        console.Write(Students(batch));
        foreach (var note in batch.Notes)
            console.Write(new Spectre.Console.Text($"note: {note}\n", new Style(Color.Grey)));
        foreach (var replaced in batch.Superseded)
            console.Write(new Spectre.Console.Text(
                $"replaced by a later submission: {replaced.Source} ({replaced.StudentId})\n",
                new Style(Color.Grey)));
        // Share correct and discrimination say something about a question only across a class.
        if (batch.Graded.Count >= MinimumClassForItemAnalysis)
        {
            console.Write(Items(batch));
        }
        else if (batch.Graded.Count > 0)
        {
            console.Write(new Spectre.Console.Text(
                $"item analysis: shown from {MinimumClassForItemAnalysis} students on "
                + $"({batch.Graded.Count} graded); item-analysis.csv has the numbers\n",
                new Style(Color.Grey)));
        }
    }
}
