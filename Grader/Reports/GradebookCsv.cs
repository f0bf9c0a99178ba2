using System.Globalization;
using System.Text;
using XaiReference.Grader.Grading;

namespace XaiReference.Grader.Reports;

/// <summary>
/// The gradebook: one row per student whose submission counts, ordered by student id, then one row per input that
/// could not be read. Columns: <c>student, name, total, max, Q1..Qn</c> (points earned), <c>source,
/// submitted_at, warnings, error</c>. Failure rows leave the scores empty and say why in <c>error</c>.
/// </summary>
public static class GradebookCsv
{
    /// <summary>The CSV text (UTF-8 when written, LF line ends).</summary>
    public static string Render(GradedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var numbers = batch.Key.Questions.Select(q => q.Number).Order().ToList();
        var text = new StringBuilder();
        text.Append(ReportText.CsvLine(
            ["student", "name", "total", "max",
             .. numbers.Select(n => "Q" + n.ToString(CultureInfo.InvariantCulture)),
             "source", "submitted_at", "warnings", "error"]));

        foreach (var graded in batch.Graded)
        {
            var s = graded.Submission;
            text.Append(ReportText.CsvLine(
                [ReportText.CsvField(s.StudentId, fromStudent: true),
                 ReportText.CsvField(s.Name, fromStudent: true),
                 ReportText.Points(graded.Total),
                 ReportText.Points(graded.MaxTotal),
                 .. graded.Results.Select(r => ReportText.Points(r.Points)),
                 ReportText.CsvField(s.Source),
                 s.SubmittedAt?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) ?? "",
                 ReportText.CsvField(string.Join(" | ", graded.Warnings), fromStudent: true),
                 ""]));
        }

        foreach (var failure in batch.Failures)
        {
            text.Append(ReportText.CsvLine(
                [ReportText.CsvField(failure.StudentId, fromStudent: true), "", "", "",
                 .. numbers.Select(_ => ""),
                 ReportText.CsvField(failure.Source), "", "",
                 ReportText.CsvField(failure.Error, fromStudent: true)]));
        }

        return text.ToString();
    }
}
