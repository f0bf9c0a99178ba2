using System.Globalization;
using System.Text;
using XaiReference.Grader.Quiz.Questions;

namespace XaiReference.Grader.Sheet;

/// <summary>
/// Blank answer files in the forms <c>grader grade</c> reads: a JSON submission with an empty answer for every
/// question, and the header row of a class CSV with one column per question.
/// </summary>
public static class AnswerTemplates
{
    /// <summary>
    /// A JSON submission to fill in: <c>student</c>, <c>name</c> and every question's answer left empty. Graded as it
    /// is, it reads with every question unanswered.
    /// </summary>
    public static string Json(IReadOnlyList<QuizQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var text = new StringBuilder();
        text.Append("{\n  \"student\": \"\",\n  \"name\": \"\",\n  \"answers\": {\n");
        for (var i = 0; i < questions.Count; i++)
        {
            var separator = i + 1 < questions.Count ? "," : "";
            text.Append($"    \"{Number(questions[i].Number)}\": \"\"{separator}\n");
        }

        text.Append("  }\n}\n");
        return text.ToString();
    }

    /// <summary>
    /// The header row of a class CSV: <c>student,name,submitted_at,Q1,...</c>, ended by a line break.
    /// </summary>
    public static string CsvHeader(IReadOnlyList<QuizQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        return string.Join(",", new[] { "student", "name", "submitted_at" }
            .Concat(questions.Select(q => $"Q{Number(q.Number)}"))) + "\n";
    }

    private static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);
}
