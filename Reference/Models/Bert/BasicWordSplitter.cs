using System.Globalization;
using System.Text;

namespace XaiReference.Models.Bert;

/// <summary>
/// BERT's basic tokenization, keeping where each word is in the original text: control characters dropped,
/// whitespace separates, every punctuation mark and (optionally) every CJK ideograph is a word of its own, and
/// the special tokens ([MASK], ...) are kept whole. The rules are those of BERT's original <c>BasicTokenizer</c>
/// (punctuation: ASCII 33-47, 58-64, 91-96, 123-126 and Unicode categories P*).
/// </summary>
internal static class BasicWordSplitter
{
    public static List<(int Start, int Length)> Split(string text, bool splitCjk, IReadOnlyList<string> specialTokens)
    {
        var words = new List<(int Start, int Length)>();
        var start = -1;

        void Close(int end)
        {
            if (start >= 0)
            {
                words.Add((start, end - start));
                start = -1;
            }
        }

        var index = 0;
        while (index < text.Length)
        {
            var special = specialTokens.FirstOrDefault(s => string.CompareOrdinal(text, index, s, 0, s.Length) == 0);
            if (special is not null)
            {
                Close(index);
                words.Add((index, special.Length));
                index += special.Length;
                continue;
            }

            var rune = Rune.GetRuneAt(text, index);
            var width = rune.Utf16SequenceLength;
            if (IsWhitespace(rune) || IsControl(rune))
            {
                // Control characters are removed; the word around them goes on (as in BERT's clean-up step,
                // which deletes them before splitting) unless the character is whitespace.
                if (IsWhitespace(rune))
                {
                    Close(index);
                }
            }
            else if (IsPunctuation(rune) || (splitCjk && IsCjk(rune.Value)))
            {
                Close(index);
                words.Add((index, width));
            }
            else if (start < 0)
            {
                start = index;
            }

            index += width;
        }

        Close(text.Length);
        return words;
    }

    /// <summary>
    /// A word as WordPiece sees it: control characters removed, lower-cased and without accents as asked.
    /// </summary>
    public static string Normalize(string word, bool lowerCase, bool removeAccents)
    {
        var kept = new StringBuilder(word.Length);
        foreach (var rune in word.EnumerateRunes().Where(r => !IsControl(r)))
        {
            kept.Append(rune.ToString());
        }

        var text = lowerCase ? kept.ToString().ToLowerInvariant() : kept.ToString();
        if (!removeAccents)
        {
            return text;
        }

        // Accents: decompose (NFD), then drop the combining marks (category Mn).
        var decomposed = text.Normalize(NormalizationForm.FormD);
        return string.Concat(
            decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark));
    }

    private static bool IsWhitespace(Rune rune) =>
        rune.Value is ' ' or '\t' or '\n' or '\r' || Rune.GetUnicodeCategory(rune) == UnicodeCategory.SpaceSeparator;

    private static bool IsControl(Rune rune)
    {
        if (rune.Value is '\t' or '\n' or '\r')
        {
            return false;
        }

        var category = Rune.GetUnicodeCategory(rune);
        return rune.Value is 0 or 0xFFFD || category is UnicodeCategory.Control or UnicodeCategory.Format;
    }

    private static bool IsPunctuation(Rune rune)
    {
        var c = rune.Value;
        if (c is >= 33 and <= 47 or >= 58 and <= 64 or >= 91 and <= 96 or >= 123 and <= 126)
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
            or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation;
    }

    // The CJK Unified Ideographs blocks BERT treats as Chinese characters (not Hiragana, Katakana or Hangul).
    private static bool IsCjk(int c) =>
        c is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x2A6DF
            or >= 0x2A700 and <= 0x2B73F or >= 0x2B740 and <= 0x2B81F or >= 0x2B820 and <= 0x2CEAF
            or >= 0xF900 and <= 0xFAFF or >= 0x2F800 and <= 0x2FA1F;
}
