using System.Buffers.Binary;

namespace XaiReference.Imaging;

/// <summary>
/// Walks a JPEG's marker segments up to the first scan and then looks for the end-of-image marker.
/// Decoders commonly pad a truncated scan with grey; this check turns such a file into an error.
/// </summary>
internal static class JpegStructure
{
    private const byte StartOfScan = 0xDA;
    private const byte EndOfImage = 0xD9;

    /// <summary>Null when the structure is sound, otherwise what is wrong.</summary>
    public static string? Check(ReadOnlySpan<byte> bytes)
    {
        // Header segments: FF, marker, 2-byte big-endian length that counts itself.
        var offset = 2;
        while (true)
        {
            // Fill bytes (extra FF) may precede a marker.
            while (offset + 1 < bytes.Length && bytes[offset] == 0xFF && bytes[offset + 1] == 0xFF)
            {
                offset++;
            }

            if (offset + 4 > bytes.Length)
            {
                return $"truncated: the file ends after {bytes.Length} bytes, before the first scan";
            }

            if (bytes[offset] != 0xFF)
            {
                return $"expected a marker at byte {offset}, found 0x{bytes[offset]:X2}";
            }

            var marker = bytes[offset + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 2)..]);
            if (length < 2 || offset + 2 + length > bytes.Length)
            {
                return $"truncated: segment 0xFF{marker:X2} at byte {offset} declares {length} bytes, "
                    + "more than the file holds";
            }

            offset += 2 + length;
            if (marker == StartOfScan)
            {
                break;
            }
        }

        // Entropy-coded data escapes every 0xFF as FF 00, so FF D9 can only be the real end marker.
        for (var i = offset; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] == 0xFF && bytes[i + 1] == EndOfImage)
            {
                return null;
            }
        }

        return $"truncated: no end-of-image marker in the {bytes.Length} bytes";
    }
}
