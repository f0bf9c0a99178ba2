using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace XaiReference.Export;

/// <summary>
/// Reads NumPy <c>.npy</c> files of versions 1.0, 2.0 and 3.0 holding little-endian float32, float64,
/// int32, int64 or uint8 elements in C order (what <c>numpy.save</c> writes for such arrays).
/// </summary>
/// <remarks>
/// Fortran-ordered, big-endian, structured and object arrays are refused with an
/// <see cref="InvalidDataException"/> that quotes the header.
/// </remarks>
public static partial class NpyReader
{
    /// <summary>Reads a file.</summary>
    /// <param name="path">A <c>.npy</c> file.</param>
    /// <returns>The array it holds.</returns>
    /// <exception cref="InvalidDataException">The file is not a supported <c>.npy</c> file.</exception>
    public static NpyArray Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads one array from a stream, leaving the stream just after its data.</summary>
    /// <param name="stream">A readable stream positioned at the magic string.</param>
    /// <returns>The array it holds.</returns>
    /// <exception cref="InvalidDataException">The stream does not hold a supported array.</exception>
    public static NpyArray Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);

        var prefix = ReadExactly(stream, 8, "the magic string and version");
        if (!prefix.AsSpan(0, 6).SequenceEqual(NpyFormat.Magic))
        {
            throw new InvalidDataException("Expected the .npy magic string \\x93NUMPY at the start.");
        }

        var major = prefix[6];
        var headerLength = major switch
        {
            1 => BinaryPrimitives.ReadUInt16LittleEndian(ReadExactly(stream, 2, "the header length")),
            2 or 3 => checked((int)BinaryPrimitives.ReadUInt32LittleEndian(
                ReadExactly(stream, 4, "the header length"))),
            _ => throw new InvalidDataException($"Expected .npy format version 1, 2 or 3, got {major}.{prefix[7]}."),
        };
        var encoding = major == 3 ? Encoding.UTF8 : Encoding.Latin1;
        var header = encoding.GetString(ReadExactly(stream, headerLength, "the header"));

        var (type, shape) = ParseHeader(header);
        var count = NpyArray.CountOf(shape, nameof(stream));
        var bytes = checked((int)(count * NpyFormat.ElementSize(type)));
        var body = ReadExactly(stream, bytes, $"{count} elements of {type}");
        return NpyArray.FromLittleEndianBytes(type, shape, body);
    }

    private static (NpyDataType Type, long[] Shape) ParseHeader(string header)
    {
        var descr = DescrPattern().Match(header);
        var order = FortranPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !order.Success || !shape.Success)
        {
            throw new InvalidDataException(
                $"Expected a header with 'descr', 'fortran_order' and 'shape', got {header.TrimEnd()}.");
        }

        var type = NpyFormat.FromDescr(descr.Groups[1].Value)
            ?? throw new InvalidDataException(
                $"Expected descr '<f4', '<f8', '<i4', '<i8' or '|u1', got '{descr.Groups[1].Value}'.");
        if (order.Groups[1].Value == "True")
        {
            throw new InvalidDataException(
                $"Expected a C-ordered array, got fortran_order True in {header.TrimEnd()}.");
        }

        var tuple = shape.Groups[1].Value;
        var extents = tuple
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(text => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new InvalidDataException($"Expected whole numbers in the shape, got ({tuple})."))
            .ToArray();
        return (type, extents);
    }

    private static byte[] ReadExactly(Stream stream, int count, string what)
    {
        var buffer = new byte[count];
        var read = stream.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
        if (read < count)
        {
            throw new InvalidDataException($"Expected {count} bytes for {what}, but the file ends after {read}.");
        }

        return buffer;
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
