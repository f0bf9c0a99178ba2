using static TorchSharp.torch;

namespace XaiReference.Export;

/// <summary>
/// Writes NumPy <c>.npy</c> files, format version 1.0, C order, little-endian; readable by
/// <c>numpy.load</c>. See <see cref="NpyFormat"/> for the layout.
/// </summary>
/// <remarks>
/// Writes are atomic: the file is written beside its destination under a temporary name, flushed
/// to disk, then moved over the destination, so a reader never sees half a file and a failed write
/// leaves any earlier file in place.
/// </remarks>
public static class NpyWriter
{
    /// <summary>Writes elements with a shape.</summary>
    /// <typeparam name="T"><see cref="float"/>, <see cref="double"/>, <see cref="int"/>,
    /// <see cref="long"/> or <see cref="byte"/>.</typeparam>
    /// <param name="path">Destination file; its folder must exist. Replaced if present.</param>
    /// <param name="data">Elements in C order.</param>
    /// <param name="shape">Extents whose product is <c>data.Length</c>; none for a scalar.</param>
    /// <exception cref="ArgumentException">T is not supported, or the shape does not fit the data.</exception>
    public static void Write<T>(string path, ReadOnlySpan<T> data, params ReadOnlySpan<long> shape)
        where T : unmanaged =>
        Write(path, NpyArray.Create(data, shape));

    /// <summary>Writes a tensor (float32, float64, int32, int64 or uint8) with its shape.</summary>
    /// <param name="path">Destination file; its folder must exist. Replaced if present.</param>
    /// <param name="tensor">Any shape, on any device; it is not modified.</param>
    /// <exception cref="ArgumentException">The tensor's element type is not supported.</exception>
    public static void Write(string path, Tensor tensor) =>
        Write(path, NpyArray.FromTensor(tensor));

    /// <summary>Writes an array.</summary>
    /// <param name="path">Destination file; its folder must exist. Replaced if present.</param>
    /// <param name="array">The array to write.</param>
    public static void Write(string path, NpyArray array)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(array);
        var destination = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(destination)!;
        if (!Directory.Exists(folder))
        {
            throw new ArgumentException($"Expected an existing folder, got '{folder}'.", nameof(path));
        }

        var preamble = NpyFormat.Preamble(array.DataType, array.Shape);
        var body = array.ToLittleEndianBytes();
        var temporary = Path.Combine(folder, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(preamble);
                stream.Write(body);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, destination, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
