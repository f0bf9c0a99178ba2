using System.Globalization;
using System.Text;

namespace XaiReference.Export;

/// <summary>
/// The pieces of the NumPy <c>.npy</c> format (version 1.0) that the reader and writer share:
/// the magic string, the dtype codes and the header text.
/// </summary>
/// <remarks>
/// A version 1.0 file is: the 6 bytes <c>\x93NUMPY</c>, the version bytes 1 and 0, the header length
/// as a little-endian uint16, then the header: an ASCII Python dict literal such as
/// <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (2, 3), }</c>, padded with spaces and ended
/// by a newline so that magic + version + length + header is a multiple of 64 bytes. The data follow
/// in C order. Like NumPy 1.24 we also leave 21 - len(str(shape[0])) spare spaces after the dict
/// (room for the first axis to grow in place), so our headers are byte-identical to NumPy's.
/// </remarks>
internal static class NpyFormat
{
    public const int Alignment = 64;
    public const int GrowthDigits = 21;

    public static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static string Descr(NpyDataType type) => type switch
    {
        NpyDataType.Float32 => "<f4",
        NpyDataType.Float64 => "<f8",
        NpyDataType.Int32 => "<i4",
        NpyDataType.Int64 => "<i8",
        NpyDataType.UInt8 => "|u1",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Expected a defined NpyDataType."),
    };

    public static NpyDataType? FromDescr(string descr) => descr switch
    {
        "<f4" => NpyDataType.Float32,
        "<f8" => NpyDataType.Float64,
        "<i4" => NpyDataType.Int32,
        "<i8" => NpyDataType.Int64,
        "|u1" or "<u1" or "u1" => NpyDataType.UInt8,
        _ => null,
    };

    public static int ElementSize(NpyDataType type) => type switch
    {
        NpyDataType.Float32 or NpyDataType.Int32 => 4,
        NpyDataType.Float64 or NpyDataType.Int64 => 8,
        _ => 1,
    };

    /// <summary>Magic, version 1.0, length and padded header, ready to be written before the data.</summary>
    public static byte[] Preamble(NpyDataType type, IReadOnlyList<long> shape)
    {
        var dims = shape.Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray();
        var tuple = dims.Length == 1 ? $"({dims[0]},)" : $"({string.Join(", ", dims)})";
        var text = new StringBuilder()
            .Append("{'descr': '").Append(Descr(type)).Append("', ")
            .Append("'fortran_order': False, ")
            .Append("'shape': ").Append(tuple).Append(", }");
        if (dims.Length > 0)
        {
            text.Append(' ', Math.Max(0, GrowthDigits - dims[0].Length));
        }

        // 6 magic + 2 version + 2 length bytes, then the text, the padding and one newline.
        var unpadded = Magic.Length + 2 + 2 + text.Length + 1;
        var padding = Alignment - (unpadded % Alignment);
        text.Append(' ', padding).Append('\n');
        if (text.Length > ushort.MaxValue)
        {
            throw new ArgumentException(
                $"Expected a header of at most {ushort.MaxValue} bytes for format 1.0, got {text.Length}.",
                nameof(shape));
        }

        var preamble = new byte[Magic.Length + 4 + text.Length];
        Magic.CopyTo(preamble);
        preamble[6] = 1;
        preamble[7] = 0;
        preamble[8] = (byte)(text.Length & 0xFF);
        preamble[9] = (byte)(text.Length >> 8);
        Encoding.ASCII.GetBytes(text.ToString(), preamble.AsSpan(10));
        return preamble;
    }
}
