using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace XaiReference.Export;

/// <summary>
/// An n-dimensional array as a <c>.npy</c> file holds it: an element type, a shape and the elements
/// in C (row-major) order.
/// </summary>
public sealed class NpyArray
{
    private readonly Array elements;

    private NpyArray(NpyDataType dataType, long[] shape, Array elements)
    {
        DataType = dataType;
        Shape = shape;
        this.elements = elements;
    }

    /// <summary>The element type.</summary>
    public NpyDataType DataType { get; }

    /// <summary>The extent of each axis; empty for a 0-dimensional (scalar) array.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>Number of elements: the product of <see cref="Shape"/> (1 for a scalar).</summary>
    public long ElementCount => elements.LongLength;

    /// <summary>Copies elements and a shape into an array.</summary>
    /// <typeparam name="T"><see cref="float"/>, <see cref="double"/>, <see cref="int"/>,
    /// <see cref="long"/> or <see cref="byte"/>.</typeparam>
    /// <param name="data">Elements in C order.</param>
    /// <param name="shape">Extents, each &gt;= 0, whose product is <c>data.Length</c>; none for a scalar.</param>
    /// <returns>A new array owning a copy of <paramref name="data"/>.</returns>
    /// <exception cref="ArgumentException">T is not supported, or the shape does not fit the data.</exception>
    public static NpyArray Create<T>(ReadOnlySpan<T> data, params ReadOnlySpan<long> shape)
        where T : unmanaged
    {
        var type = TypeOf<T>();
        var extents = shape.ToArray();
        var count = CountOf(extents, nameof(shape));
        if (count != data.Length)
        {
            throw new ArgumentException(
                $"Expected {count} elements for shape ({string.Join(", ", extents)}), got {data.Length}.",
                nameof(data));
        }

        return new NpyArray(type, extents, data.ToArray());
    }

    /// <summary>Copies a CPU or device tensor (float32, float64, int32, int64 or uint8) into an array.</summary>
    /// <param name="tensor">Any shape; it is not modified.</param>
    /// <returns>A new array with the tensor's shape and elements.</returns>
    /// <exception cref="ArgumentException">The tensor's element type is not supported.</exception>
    public static NpyArray FromTensor(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var scope = NewDisposeScope();
        var dense = tensor.detach().cpu().contiguous();
        var shape = dense.shape;
        return dense.dtype switch
        {
            ScalarType.Float32 => Create<float>(dense.data<float>().ToArray(), shape),
            ScalarType.Float64 => Create<double>(dense.data<double>().ToArray(), shape),
            ScalarType.Int32 => Create<int>(dense.data<int>().ToArray(), shape),
            ScalarType.Int64 => Create<long>(dense.data<long>().ToArray(), shape),
            ScalarType.Byte => Create<byte>(dense.data<byte>().ToArray(), shape),
            _ => throw new ArgumentException(
                $"Expected a Float32, Float64, Int32, Int64 or Byte tensor, got {dense.dtype}.", nameof(tensor)),
        };
    }

    /// <summary>A copy of the elements, in C order.</summary>
    /// <typeparam name="T">The C# type of <see cref="DataType"/>.</typeparam>
    /// <exception cref="InvalidOperationException">T does not match <see cref="DataType"/>.</exception>
    public T[] ToArray<T>()
        where T : unmanaged
    {
        if (elements is not T[] typed)
        {
            throw new InvalidOperationException(
                $"The array holds {DataType} elements; {typeof(T).Name} was asked for.");
        }

        return (T[])typed.Clone();
    }

    /// <summary>The array as a new CPU tensor of the same shape and element type.</summary>
    public Tensor ToTensor()
    {
        var shape = Shape.ToArray();
        return elements switch
        {
            float[] f => tensor(f, shape),
            double[] d => tensor(d, shape),
            int[] i => tensor(i, shape),
            long[] l => tensor(l, shape),
            _ => tensor((byte[])elements, shape),
        };
    }

    /// <summary>The elements as little-endian bytes.</summary>
    internal byte[] ToLittleEndianBytes()
    {
        var bytes = elements switch
        {
            float[] f => MemoryMarshal.AsBytes(f.AsSpan()).ToArray(),
            double[] d => MemoryMarshal.AsBytes(d.AsSpan()).ToArray(),
            int[] i => MemoryMarshal.AsBytes(i.AsSpan()).ToArray(),
            long[] l => MemoryMarshal.AsBytes(l.AsSpan()).ToArray(),
            _ => (byte[])((byte[])elements).Clone(),
        };
        SwapIfBigEndian(bytes, NpyFormat.ElementSize(DataType));
        return bytes;
    }

    /// <summary>Builds an array from little-endian element bytes (as read from a file).</summary>
    internal static NpyArray FromLittleEndianBytes(NpyDataType type, long[] shape, byte[] bytes)
    {
        SwapIfBigEndian(bytes, NpyFormat.ElementSize(type));
        Array elements = type switch
        {
            NpyDataType.Float32 => MemoryMarshal.Cast<byte, float>(bytes).ToArray(),
            NpyDataType.Float64 => MemoryMarshal.Cast<byte, double>(bytes).ToArray(),
            NpyDataType.Int32 => MemoryMarshal.Cast<byte, int>(bytes).ToArray(),
            NpyDataType.Int64 => MemoryMarshal.Cast<byte, long>(bytes).ToArray(),
            _ => bytes,
        };
        return new NpyArray(type, shape, elements);
    }

    /// <summary>Product of the extents, checked against negative extents and overflow.</summary>
    internal static long CountOf(long[] shape, string name)
    {
        var count = 1L;
        foreach (var extent in shape)
        {
            if (extent < 0)
            {
                throw new ArgumentException(
                    $"Expected extents >= 0, got ({string.Join(", ", shape)}).", name);
            }

            count = extent == 0 || count <= Array.MaxLength / extent
                ? count * extent
                : throw new ArgumentException(
                    $"Expected at most {Array.MaxLength} elements, got shape ({string.Join(", ", shape)}).", name);
        }

        return count;
    }

    private static NpyDataType TypeOf<T>()
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            return NpyDataType.Float32;
        }

        if (typeof(T) == typeof(double))
        {
            return NpyDataType.Float64;
        }

        if (typeof(T) == typeof(int))
        {
            return NpyDataType.Int32;
        }

        if (typeof(T) == typeof(long))
        {
            return NpyDataType.Int64;
        }

        return typeof(T) == typeof(byte)
            ? NpyDataType.UInt8
            : throw new ArgumentException(
                $"Expected float, double, int, long or byte elements, got {typeof(T).Name}.", "T");
    }

    private static void SwapIfBigEndian(byte[] bytes, int size)
    {
        if (BitConverter.IsLittleEndian || size == 1)
        {
            return;
        }

        for (var i = 0; i < bytes.Length; i += size)
        {
            bytes.AsSpan(i, size).Reverse();
        }
    }
}
