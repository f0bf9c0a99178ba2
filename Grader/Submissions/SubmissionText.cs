using System.Buffers;
using System.Globalization;
using System.Text;

namespace XaiReference.Grader.Submissions;

/// <summary>Turns a file's bytes into text, refusing what is not UTF-8 (or UTF-16 with a byte order mark).</summary>
internal static class SubmissionText
{
    private static readonly UTF8Encoding StrictUtf8 =
        new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text, or an error that says what is wrong with the bytes.</summary>
    public static (string? Text, string? Error) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
            return (null, "the file is empty (0 bytes)");

        // Which encoding: a byte order mark decides; without one the bytes must be valid UTF-8.
        string text;
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            var error = FindInvalidUtf8(bytes[3..], offset: 3);
            if (error is not null)
                return (null, error);
            text = StrictUtf8.GetString(bytes[3..]);
        }
        else if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            var bigEndian = bytes[0] == 0xFE;
            try
            {
                text = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true)
                    .GetString(bytes[2..]);
            }
            catch (DecoderFallbackException)
            {
                return (null, "the file starts with a UTF-16 byte order mark but is not valid UTF-16");
            }
        }
        else
        {
            var error = FindInvalidUtf8(bytes, offset: 0);
            if (error is not null)
                return (null, error);
            text = StrictUtf8.GetString(bytes);
        }

        // What the text holds: nothing, or binary data, is not a submission.
        if (string.IsNullOrWhiteSpace(text))
            return (null, "the file holds only white space");
        if (text.Contains('\0'))
            return (null, "the file holds NUL characters: expected text, got binary data");
        return (text, null);
    }

    private static string? FindInvalidUtf8(ReadOnlySpan<byte> bytes, int offset)
    {
        var position = 0;
        while (position < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[position..], out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                var at = (offset + position).ToString(CultureInfo.InvariantCulture);
                var value = bytes[position].ToString("X2", CultureInfo.InvariantCulture);
                return $"the file is not valid UTF-8: byte 0x{value} at offset {at} " +
                       "(was it saved as Latin-1 or Windows-1252? save it as UTF-8)";
            }

            position += consumed;
        }

        return null;
    }
}
