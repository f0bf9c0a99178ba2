using System.Buffers.Binary;

namespace XaiReference.Imaging;

/// <summary>
/// Walks a PNG's chunk list: every chunk must fit in the file and carry a correct CRC, the first
/// must be IHDR and the list must end with IEND. A truncated or damaged file fails here, before
/// a decoder can fill the missing rows silently.
/// </summary>
internal static class PngStructure
{
    private const int SignatureLength = 8;

    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Null when the structure is sound, otherwise what is wrong.</summary>
    public static string? Check(ReadOnlySpan<byte> bytes)
    {
        var offset = SignatureLength;
        var first = true;
        while (true)
        {
            if (offset + 8 > bytes.Length)
            {
                return $"truncated: the file ends after {bytes.Length} bytes, before the IEND chunk";
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[offset..]);
            var type = bytes.Slice(offset + 4, 4);
            var name = System.Text.Encoding.ASCII.GetString(type);
            if (length > int.MaxValue || offset + 12L + length > bytes.Length)
            {
                return $"truncated: chunk {name} at byte {offset} declares {length} bytes, more than the file holds";
            }

            if (first && !type.SequenceEqual("IHDR"u8))
            {
                return $"expected IHDR as the first chunk, found {name}";
            }

            var body = bytes.Slice(offset + 4, 4 + (int)length);
            var stored = BinaryPrimitives.ReadUInt32BigEndian(bytes[(offset + 8 + (int)length)..]);
            if (Crc(body) != stored)
            {
                return $"chunk {name} at byte {offset} fails its CRC check";
            }

            if (type.SequenceEqual("IEND"u8))
            {
                return null;
            }

            first = false;
            offset += 12 + (int)length;
        }
    }

    /// <summary>The CRC-32 of ISO 3309 / PNG (reflected polynomial 0xEDB88320).</summary>
    public static uint Crc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
