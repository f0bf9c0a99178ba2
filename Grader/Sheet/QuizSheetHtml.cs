using System.Globalization;
using System.Net;
using System.Text;
using XaiReference.Grader.Quiz;
using XaiReference.Grader.Quiz.Questions;

namespace XaiReference.Grader.Sheet;

/// <summary>
/// The question sheet as one self-contained, printable HTML page: the same content as
/// <see cref="QuizSheetMarkdown"/>, every picture embedded as a <c>data:</c> URI, the style inline and no script,
/// so it opens and prints with no network. Every text from the quiz is HTML-escaped.
/// </summary>
public static class QuizSheetHtml
{
    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.4;
               max-width: 50em; margin: 2em auto; padding: 0 1em; color: #111; }
        h1 { font-size: 18pt; } h2 { font-size: 14pt; border-bottom: 1px solid #999; margin-top: 1.6em; }
        img { max-width: 100%; height: auto; display: block; margin: 0.6em 0; }
        .question { margin: 1em 0; break-inside: avoid; page-break-inside: avoid; }
        .kind, .figure { color: #444; font-style: italic; }
        .options { list-style: none; padding-left: 1.2em; margin: 0.3em 0; }
        .options li::before { display: inline-block; width: 1.4em; }
        .single li::before { content: "\25CB"; } .multiple li::before { content: "\2610"; }
        blockquote { margin: 0.5em 1.5em; font-style: italic; }
        @page { size: A4; margin: 16mm; }
        @media print { body { margin: 0; max-width: none; font-size: 10pt; } h2 { break-after: avoid; }
                       figure, img { break-inside: avoid; } }
        """;

    /// <summary>The sheet's HTML, with LF line ends.</summary>
    public static string Render(QuizSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var html = new StringBuilder();

        // Head: the character set, the title and the inline style.
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append($"<title>{E(sheet.Title)}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n");

        // Title and instructions.
        html.Append($"<h1>{E(sheet.Title)}</h1>\n<h2>Instructions</h2>\n<ul>\n");
        foreach (var instruction in SheetWording.Instructions(sheet))
            html.Append($"<li>{E(instruction)}</li>\n");
        html.Append("</ul>\n");

        // What the questions are about.
        html.Append("<h2>The pictures and texts</h2>\n");
        AppendImage(html, sheet.Pictures);
        html.Append($"<p>The attention sentence:</p>\n<blockquote>{E(sheet.Texts.AttentionSentence)}</blockquote>\n");
        html.Append("<p>The question/context examples (the answer is a span of its context):</p>\n<ul>\n");
        foreach (var example in sheet.Texts.Examples)
        {
            html.Append($"<li>Question: {E(example.Question)}<br>Context: {E(example.Context)}<br>"
                        + $"Answer: {E(example.Answer)}</li>\n");
        }

        html.Append($"</ul>\n<p>The sentences with the word \"{E(sheet.Texts.Words.Word)}\", numbered from 0:</p>\n");
        html.Append("<ol start=\"0\">\n");
        foreach (var sentence in sheet.Texts.Words.Sentences)
            html.Append($"<li>{E(sentence.Text)} ({E(sentence.Meaning)})</li>\n");
        html.Append("</ol>\n");

        // The sections and their questions.
        foreach (var (section, questions) in SheetWording.BySection(sheet))
        {
            html.Append($"<h2>{E(section)} ({E(SheetWording.Range(questions))})</h2>\n");
            foreach (var figure in SheetWording.FiguresOf(sheet, questions))
                AppendImage(html, figure);
            foreach (var question in questions)
                AppendQuestion(html, question);
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendQuestion(StringBuilder html, QuizQuestion question)
    {
        var number = question.Number.ToString(CultureInfo.InvariantCulture);
        html.Append($"<div class=\"question\" id=\"q{number}\">\n<p><strong>{number}.</strong> {E(question.Prompt)} ");
        html.Append($"<span class=\"kind\">({E(SheetWording.Kind(question))})</span></p>\n");
        if (question.Figure is { } figure)
            html.Append($"<p class=\"figure\">{E(SheetWording.FigureLine(figure))}</p>\n");

        var kind = question.Select == SelectionKind.Single ? "single" : "multiple";
        html.Append($"<ol class=\"options {kind}\">\n");
        for (var i = 0; i < question.Options.Count; i++)
            html.Append($"<li><strong>{QuizQuestion.Letter(i)}.</strong> {E(question.Options[i])}</li>\n");
        html.Append("</ol>\n</div>\n");
    }

    private static void AppendImage(StringBuilder html, SheetImage image) =>
        html.Append($"<img src=\"data:image/png;base64,{Convert.ToBase64String(image.Png)}\" ")
            .Append($"alt=\"{E(image.Caption)}\">\n");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
