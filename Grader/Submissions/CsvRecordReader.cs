using System.Text;

namespace XaiReference.Grader.Submissions;

/// <summary>
/// Splits CSV text into records as RFC 4180 describes (quoted fields, doubled quotes, line breaks inside quotes,
/// CRLF or LF), leniently: a quote inside an unquoted field is taken literally, and text after a closing quote
/// is kept and reported. Blank lines are skipped.
/// </summary>
internal static class CsvRecordReader
{
    /// <summary>
    /// The separator the header line uses most: comma, semicolon or tab (some spreadsheets write semicolons).
    /// </summary>
    public static char SniffDelimiter(string text)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
                quoted = !quoted;
            else if (!quoted && c is '\r' or '\n')
                break;
            else if (!quoted && c == ',')
                commas++;
            else if (!quoted && c == ';')
                semicolons++;
            else if (!quoted && c == '\t')
                tabs++;
        }

        if (tabs > commas && tabs > semicolons)
            return '\t';
        return semicolons > commas ? ';' : ',';
    }

    public static IEnumerable<CsvRecord> Read(string text, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        string? problem = null;
        var line = 1;
        var recordLine = 1;
        var i = 0;

        while (i < text.Length)
        {
            // One field: quoted or not, up to the delimiter or the end of the record.
            if (text[i] == '"')
            {
                var openedOn = line;
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    var c = text[i];
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                    }
                    else if (c == '"')
                    {
                        closed = true;
                        i++;
                        break;
                    }
                    else
                    {
                        if (c == '\n')
                            line++;
                        field.Append(c);
                        i++;
                    }
                }

                if (!closed)
                {
                    fields.Add(field.ToString());
                    yield return new CsvRecord(
                        recordLine, fields.ToList(), $"a quoted field opened on line {openedOn} is never closed", true);
                    yield break;
                }

                var strayStart = i;
                while (i < text.Length && text[i] != delimiter && text[i] != '\r' && text[i] != '\n')
                    field.Append(text[i++]);
                if (i > strayStart)
                    problem ??= $"line {line}: text after a closing quote was kept as part of the field";
            }
            else
            {
                while (i < text.Length && text[i] != delimiter && text[i] != '\r' && text[i] != '\n')
                    field.Append(text[i++]);
            }

            fields.Add(field.ToString());
            field.Clear();

            // What ends the field: a delimiter (another field follows), a line break or the end (the record ends).
            if (i < text.Length && text[i] == delimiter)
            {
                i++;
                if (i == text.Length)
                    fields.Add("");
                continue;
            }

            if (i < text.Length && text[i] == '\r')
                i++;
            if (i < text.Length && text[i] == '\n')
                i++;
            line++;
            if (!(fields.Count == 1 && fields[0].Length == 0))
                yield return new CsvRecord(recordLine, fields.ToList(), problem, false);
            fields.Clear();
            problem = null;
            recordLine = line;
        }

        // A delimiter that ends the text leaves a record open, with an empty last field.
        if (fields.Count > 0)
            yield return new CsvRecord(recordLine, fields.ToList(), problem, false);
    }
}
