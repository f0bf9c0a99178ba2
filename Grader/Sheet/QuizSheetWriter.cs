using XaiReference.Grader.Reports;

namespace XaiReference.Grader.Sheet;

/// <summary>
/// Writes the question sheet to a folder: <c>quiz.md</c>, <c>quiz.html</c>, the PNGs that <c>quiz.md</c> links,
/// <c>answers.json</c> and <c>answers.csv</c>. Every file is written atomically.
/// </summary>
public static class QuizSheetWriter
{
    /// <summary>The Markdown sheet's file name.</summary>
    public const string MarkdownName = "quiz.md";

    /// <summary>The HTML sheet's file name.</summary>
    public const string HtmlName = "quiz.html";

    /// <summary>The blank JSON submission's file name.</summary>
    public const string JsonTemplateName = SheetWording.JsonTemplateName;

    /// <summary>The CSV header template's file name.</summary>
    public const string CsvTemplateName = SheetWording.CsvTemplateName;

    /// <summary>Writes every file; returns the paths written, in the order written.</summary>
    /// <param name="sheet">The sheet.</param>
    /// <param name="folder">Where to write; created if missing.</param>
    public static IReadOnlyList<string> WriteAll(QuizSheet sheet, string folder)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var written = new List<string>();

        void Write(string name, byte[] bytes)
        {
            var path = Path.Combine(folder, name);
            AtomicFile.WriteAllBytes(path, bytes);
            written.Add(path);
        }

        void WriteText(string name, string text)
        {
            var path = Path.Combine(folder, name);
            AtomicFile.WriteAllText(path, text);
            written.Add(path);
        }

        WriteText(MarkdownName, QuizSheetMarkdown.Render(sheet));
        WriteText(HtmlName, QuizSheetHtml.Render(sheet));
        Write(sheet.Pictures.FileName, sheet.Pictures.Png);
        foreach (var figure in sheet.Figures.Values.OrderBy(f => f.FileName, StringComparer.Ordinal))
            Write(figure.FileName, figure.Png);
        WriteText(JsonTemplateName, AnswerTemplates.Json(sheet.Questions));
        WriteText(CsvTemplateName, AnswerTemplates.CsvHeader(sheet.Questions));
        return written;
    }
}
