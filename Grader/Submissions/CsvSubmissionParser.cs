using System.Globalization;

namespace XaiReference.Grader.Submissions;

/// <summary>
/// Reads a class export: a header row, a student id column, optionally name and timestamp columns, and one column
/// per question named like <c>Q1</c>, <c>1</c> or <c>Question 1</c>; one row per submission.
/// </summary>
internal static class CsvSubmissionParser
{
    private static readonly HashSet<string> StudentHeaders =
        ["student", "studentid", "id", "sid", "studentnumber", "username", "userid", "login", "email", "emailaddress"];

    private static readonly HashSet<string> NameHeaders = ["name", "studentname", "fullname"];

    private static readonly HashSet<string> TimeHeaders =
        ["timestamp", "submittedat", "submitted", "submissiontime", "time", "date", "completed", "completedat"];

    public static void Parse(string text, string source, SubmissionBatchBuilder batch)
    {
        var records = CsvRecordReader.Read(text, CsvRecordReader.SniffDelimiter(text)).ToList();
        var header = records[0];
        if (header.Fatal)
        {
            batch.Fail(source, null, $"the CSV header is malformed: {header.Problem}");
            return;
        }

        // Which column is which: the student id, name and timestamp by header name, questions by their label.
        int student = -1, name = -1, time = -1;
        var questions = new SortedDictionary<int, int>();
        for (var c = 0; c < header.Fields.Count; c++)
        {
            var label = header.Fields[c].Trim();
            var normalised = new string(label.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
            if (student < 0 && StudentHeaders.Contains(normalised))
                student = c;
            else if (name < 0 && NameHeaders.Contains(normalised))
                name = c;
            else if (time < 0 && TimeHeaders.Contains(normalised))
                time = c;
            else if (AnswerText.ParseQuestionLabel(label) is { } number)
            {
                if (questions.ContainsKey(number))
                    batch.Note($"{source}: question {number} has two columns; the one headed '{label}' counts");
                questions[number] = c;
            }
            else
                batch.Note($"{source}: column '{label}' is no student id, name, timestamp or question; ignored");
        }

        var headers = string.Join(", ", header.Fields.Select(f => $"'{f}'"));
        if (student < 0)
        {
            batch.Fail(source, null,
                "no student id column: expected a header named 'student', 'student id', 'id' or 'email', " +
                $"got {headers}");
            return;
        }

        if (questions.Count == 0)
        {
            batch.Fail(source, null, $"no question columns: expected headers like 'Q1' or '1', got {headers}");
            return;
        }

        if (records.Count == 1)
        {
            batch.Fail(source, null, "the CSV has a header but no rows");
            return;
        }

        foreach (var record in records.Skip(1))
            ParseRow(record, header.Fields.Count, student, name, time, questions, source, batch);
    }

    private static void ParseRow(
        CsvRecord record,
        int width,
        int student,
        int name,
        int time,
        SortedDictionary<int, int> questions,
        string source,
        SubmissionBatchBuilder batch)
    {
        var where = $"{source}:line {record.Line.ToString(CultureInfo.InvariantCulture)}";
        string Field(int column) => column >= 0 && column < record.Fields.Count ? record.Fields[column].Trim() : "";

        var id = Field(student);
        if (record.Fatal)
        {
            batch.Fail(where, id.Length > 0 ? id : null, $"the row is malformed: {record.Problem}");
            return;
        }

        if (id.Length == 0)
        {
            batch.Fail(where, null, "the row has no student id");
            return;
        }

        var warnings = new List<string>();
        if (record.Problem is not null)
            warnings.Add(record.Problem);
        if (record.Fields.Count != width)
            warnings.Add($"the row has {record.Fields.Count} fields, the header {width}");

        DateTimeOffset? submittedAt = null;
        if (time >= 0 && Field(time).Length > 0)
        {
            submittedAt = AnswerText.ParseTimestamp(Field(time));
            if (submittedAt is null)
                warnings.Add($"timestamp '{Field(time)}' could not be read; the order of rows decides");
        }

        var answers = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var (number, column) in questions)
        {
            var letters = AnswerText.ParseLetters(Field(column));
            if (letters.Count > 0)
                answers[number] = letters;
        }

        var studentName = name >= 0 && Field(name).Length > 0 ? Field(name) : null;
        batch.Add(id, studentName, submittedAt, answers, where, warnings);
    }
}
