namespace XaiReference.Export;

/// <summary>The element types our <c>.npy</c> reader and writer handle, all stored little-endian.</summary>
public enum NpyDataType
{
    /// <summary>32-bit IEEE float, NumPy <c>'&lt;f4'</c> (float32), C# <see cref="float"/>.</summary>
    Float32,

    /// <summary>64-bit IEEE float, NumPy <c>'&lt;f8'</c> (float64), C# <see cref="double"/>.</summary>
    Float64,

    /// <summary>32-bit signed integer, NumPy <c>'&lt;i4'</c> (int32), C# <see cref="int"/>.</summary>
    Int32,

    /// <summary>64-bit signed integer, NumPy <c>'&lt;i8'</c> (int64), C# <see cref="long"/>.</summary>
    Int64,

    /// <summary>8-bit unsigned integer, NumPy <c>'|u1'</c> (uint8), C# <see cref="byte"/>.</summary>
    UInt8,
}
