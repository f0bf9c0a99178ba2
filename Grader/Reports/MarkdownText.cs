using System.Text;

namespace XaiReference.Grader.Reports;

/// <summary>Text from a key or a submission made safe to place in Markdown.</summary>
internal static class MarkdownText
{
    /// <summary>
    /// Backslash-escapes the characters Markdown would read as formatting, links, tables, headings or HTML, and
    /// turns line breaks into spaces, so the text renders as written on one line.
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#')
                escaped.Append('\\');
            escaped.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return escaped.ToString();
    }
}
