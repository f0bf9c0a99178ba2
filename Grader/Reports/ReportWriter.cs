using XaiReference.Grader.Grading;

namespace XaiReference.Grader.Reports;

/// <summary>
/// Writes a graded batch to a folder: <c>gradebook.csv</c>, <c>item-analysis.csv</c> and
/// <c>feedback/&lt;student&gt;.md</c>. Every file is written atomically and holds nothing that changes between runs
/// on the same input (no current time, stable order), so a re-run gives byte-identical files.
/// </summary>
public static class ReportWriter
{
    /// <summary>Writes every output; returns the paths written, in the order written.</summary>
    /// <param name="batch">The graded batch.</param>
    /// <param name="folder">Where to write; created if missing.</param>
    /// <param name="reveal">Whether feedback files show the correct options.</param>
    public static IReadOnlyList<string> WriteAll(GradedBatch batch, string folder, bool reveal)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var written = new List<string>();

        void Write(string relative, string text)
        {
            var path = Path.Combine(folder, relative);
            AtomicFile.WriteAllText(path, text);
            written.Add(path);
        }

        Write("gradebook.csv", GradebookCsv.Render(batch));
        Write("item-analysis.csv", ItemAnalysisCsv.Render(batch));
        foreach (var graded in batch.Graded)
        {
            Write(Path.Combine("feedback", FeedbackMarkdown.FileName(graded.Submission.StudentId)),
                FeedbackMarkdown.Render(batch.Key, graded, batch.Rule, reveal));
        }

        return written;
    }
}
