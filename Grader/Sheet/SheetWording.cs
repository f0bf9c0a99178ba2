using System.Globalization;
using XaiReference.Grader.Quiz;
using XaiReference.Grader.Quiz.Questions;
using XaiReference.Grader.Reports;

namespace XaiReference.Grader.Sheet;

/// <summary>The sentences the Markdown and the HTML sheet share, as plain text for each to escape.</summary>
internal static class SheetWording
{
    public const string JsonTemplateName = "answers.json";
    public const string CsvTemplateName = "answers.csv";

    /// <summary>The instructions, one sentence or two each, in the order students read them.</summary>
    public static IReadOnlyList<string> Instructions(QuizSheet sheet)
    {
        var total = ReportText.Points(sheet.Questions.Sum(q => q.Points));
        var figures = sheet.Figures.Count > 0
            ? "the figures given here are shown at the start of their section"
            : "the figures are those of the homework's methods on these pictures and texts";
        return
        [
            $"{Count(sheet.Questions.Count, "question")} in {Count(sheet.Sections.Count, "section")}. "
            + $"{Weights(sheet.Questions)}: {total} points in all.",
            "A question scores only when exactly its correct options are chosen: a missing or an extra option "
            + "scores 0 for that question, and nothing is taken off elsewhere.",
            "\"Choose one\" questions have exactly one correct option; \"choose all that apply\" questions have one "
            + "or more.",
            "The pictures are numbered 0 to 9, as in the course; the sentences with the word "
            + $"\"{sheet.Texts.Words.Word}\" are numbered from 0 as well.",
            $"A question about a figure names the figure under it; {figures}.",
            $"Hand in {JsonTemplateName}: put your student id in \"student\" and, under each question's number, the "
            + "letters you choose, several separated by \";\" (for example \"A;C\"). A class that collects answers "
            + $"in a spreadsheet uses the columns of {CsvTemplateName} instead, one row per student.",
        ];
    }

    /// <summary>"Choose one" or "choose all that apply", with the points.</summary>
    public static string Kind(QuizQuestion question) =>
        (question.Select == SelectionKind.Single ? "choose one" : "choose all that apply")
        + $", {ReportText.Points(question.Points)} points";

    /// <summary>The first and last question number of a section.</summary>
    public static string Range(IReadOnlyList<QuizQuestion> questions) =>
        questions.Count == 1
            ? $"question {Number(questions[0].Number)}"
            : $"questions {Number(questions[0].Number)}-{Number(questions[^1].Number)}";

    /// <summary>The questions of each section, sections in the order of their first question.</summary>
    public static IEnumerable<(string Section, IReadOnlyList<QuizQuestion> Questions)> BySection(QuizSheet sheet) =>
        sheet.Sections.Select(section =>
            (section, (IReadOnlyList<QuizQuestion>)sheet.Questions.Where(q => q.Section == section).ToList()));

    /// <summary>The figures first referred to in a section's questions that the sheet holds.</summary>
    public static IEnumerable<SheetImage> FiguresOf(QuizSheet sheet, IReadOnlyList<QuizQuestion> section)
    {
        var earlier = sheet.Questions.TakeWhile(q => q != section[0]).Select(q => q.Figure).ToHashSet();
        return section.Select(q => q.Figure).OfType<string>().Distinct(StringComparer.Ordinal)
            .Where(name => !earlier.Contains(name) && sheet.Figures.ContainsKey(name))
            .Select(name => sheet.Figures[name]);
    }

    /// <summary>The line under a question about a figure.</summary>
    public static string FigureLine(string figure) => $"Figure: {QuizSheet.DescribeFigure(figure)}.";

    private static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Count(int count, string noun) => $"{Number(count)} {noun}{(count == 1 ? "" : "s")}";

    // Runs of consecutive questions worth the same: "Questions 1-20 are worth 0.3 points each and 21-30 0.4 each".
    private static string Weights(IReadOnlyList<QuizQuestion> questions)
    {
        var runs = new List<(int First, int Last, decimal Points)>();
        foreach (var question in questions)
        {
            if (runs.Count > 0 && runs[^1].Points == question.Points)
                runs[^1] = runs[^1] with { Last = question.Number };
            else
                runs.Add((question.Number, question.Number, question.Points));
        }

        var parts = runs.Select((run, i) =>
        {
            var numbers = run.First == run.Last ? Number(run.First) : $"{Number(run.First)}-{Number(run.Last)}";
            return i == 0
                ? $"{(run.First == run.Last ? "Question" : "Questions")} {numbers} "
                  + $"{(run.First == run.Last ? "is" : "are")} worth {ReportText.Points(run.Points)} points each"
                : $"{numbers} {ReportText.Points(run.Points)} each";
        }).ToList();
        return parts.Count == 1 ? parts[0] : string.Join(", ", parts[..^1]) + " and " + parts[^1];
    }
}
