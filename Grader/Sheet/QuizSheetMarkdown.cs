using System.Globalization;
using System.Text;
using XaiReference.Grader.Quiz.Questions;
using XaiReference.Grader.Reports;

namespace XaiReference.Grader.Sheet;

/// <summary>
/// The question sheet as Markdown: title, instructions with the scoring rule, the pictures and texts, then each
/// section under its heading with numbered questions and lettered options. Pictures and figures are linked by file
/// name, so the PNGs go in the same folder. Nothing in it changes between runs.
/// </summary>
public static class QuizSheetMarkdown
{
    /// <summary>The sheet's Markdown, with LF line ends.</summary>
    public static string Render(QuizSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var text = new StringBuilder();

        // Title and instructions.
        text.Append($"# {Escape(sheet.Title)}\n\n## Instructions\n\n");
        foreach (var instruction in SheetWording.Instructions(sheet))
            text.Append($"- {Escape(instruction)}\n");

        // What the questions are about.
        text.Append("\n## The pictures and texts\n\n");
        text.Append($"![{Escape(sheet.Pictures.Caption)}]({sheet.Pictures.FileName})\n\n");
        text.Append($"The attention sentence:\n\n> {Escape(sheet.Texts.AttentionSentence)}\n\n");
        text.Append("The question/context examples (the answer is a span of its context):\n\n");
        foreach (var example in sheet.Texts.Examples)
        {
            text.Append($"- Question: {Escape(example.Question)}  \n  Context: {Escape(example.Context)}  \n"
                        + $"  Answer: {Escape(example.Answer)}\n");
        }

        text.Append($"\nThe sentences with the word \"{Escape(sheet.Texts.Words.Word)}\", numbered from 0:\n\n");
        for (var i = 0; i < sheet.Texts.Words.Sentences.Count; i++)
        {
            var sentence = sheet.Texts.Words.Sentences[i];
            text.Append($"{Number(i)}. {Escape(sentence.Text)} ({Escape(sentence.Meaning)})\n");
        }

        // The sections and their questions.
        foreach (var (section, questions) in SheetWording.BySection(sheet))
        {
            text.Append($"\n## {Escape(section)} ({SheetWording.Range(questions)})\n");
            foreach (var figure in SheetWording.FiguresOf(sheet, questions))
                text.Append($"\n![{Escape(figure.Caption)}]({figure.FileName})\n");
            foreach (var question in questions)
                AppendQuestion(text, question);
        }

        return text.ToString();
    }

    private static void AppendQuestion(StringBuilder text, QuizQuestion question)
    {
        text.Append($"\n**{Number(question.Number)}.** {Escape(question.Prompt)} *({SheetWording.Kind(question)})*\n");
        if (question.Figure is { } figure)
            text.Append($"\n*{Escape(SheetWording.FigureLine(figure))}*\n");
        text.Append('\n');
        for (var i = 0; i < question.Options.Count; i++)
            text.Append($"- **{QuizQuestion.Letter(i)}.** {Escape(question.Options[i])}\n");
    }

    private static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => MarkdownText.Escape(text);
}
