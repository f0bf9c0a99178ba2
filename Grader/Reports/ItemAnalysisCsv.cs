using System.Globalization;
using System.Text;
using XaiReference.Grader.Grading;

namespace XaiReference.Grader.Reports;

/// <summary>
/// Item analysis as CSV: <c>question, section, points, students, share_correct, discrimination, flag</c>, one row
/// per question. Discrimination is the point-biserial correlation with the rest score (see <see cref="ItemAnalysis"/>).
/// </summary>
public static class ItemAnalysisCsv
{
    /// <summary>The CSV text (LF line ends).</summary>
    public static string Render(GradedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var points = batch.Key.Questions.ToDictionary(q => q.Number, q => q.Points);
        var text = new StringBuilder();
        text.Append(ReportText.CsvLine(
            ["question", "section", "points", "students", "share_correct", "discrimination", "flag"]));
        foreach (var item in batch.Items)
        {
            text.Append(ReportText.CsvLine(
                [item.Number.ToString(CultureInfo.InvariantCulture),
                 ReportText.CsvField(item.Section),
                 ReportText.Points(points[item.Number]),
                 item.Students.ToString(CultureInfo.InvariantCulture),
                 ReportText.Statistic(item.ShareCorrect),
                 ReportText.Statistic(item.Discrimination),
                 ReportText.CsvField(item.Flag)]));
        }

        return text.ToString();
    }
}
