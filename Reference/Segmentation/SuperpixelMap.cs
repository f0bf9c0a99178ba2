using TorchSharp;
using static TorchSharp.torch;

namespace XaiReference.Segmentation;

/// <summary>
/// A label map: one superpixel label per pixel, row-major, labels 0 .. <see cref="Count"/> - 1
/// with every label used at least once.
/// </summary>
public sealed class SuperpixelMap
{
    private readonly int[] labels;

    /// <summary>Wraps a label map; checks that the labels are 0 .. count - 1 without gaps.</summary>
    /// <param name="width">Picture width in pixels, at least 1.</param>
    /// <param name="height">Picture height in pixels, at least 1.</param>
    /// <param name="labels">Row-major labels, <c>width * height</c> of them; copied.</param>
    /// <exception cref="ArgumentException">A size is wrong or the labels are not contiguous from 0.</exception>
    public SuperpixelMap(int width, int height, ReadOnlySpan<int> labels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (labels.Length != (long)width * height)
        {
            throw new ArgumentException(
                $"Expected width * height = {(long)width * height} labels, got {labels.Length}.", nameof(labels));
        }

        var count = 0;
        foreach (var label in labels)
        {
            if (label < 0)
            {
                throw new ArgumentException($"Expected labels >= 0, got {label}.", nameof(labels));
            }

            count = Math.Max(count, label + 1);
        }

        var used = new bool[count];
        foreach (var label in labels)
        {
            used[label] = true;
        }

        var missing = Array.IndexOf(used, false);
        if (missing >= 0)
        {
            throw new ArgumentException(
                $"Expected every label in 0..{count - 1} to be used, but {missing} is missing.", nameof(labels));
        }

        Width = width;
        Height = height;
        Count = count;
        this.labels = labels.ToArray();
    }

    /// <summary>Picture width in pixels.</summary>
    public int Width { get; }

    /// <summary>Picture height in pixels.</summary>
    public int Height { get; }

    /// <summary>Number of superpixels; the labels are 0 .. Count - 1.</summary>
    public int Count { get; }

    /// <summary>
    /// Row-major labels, <c>Width * Height</c> of them: pixel (row, column) is at row * Width + column.
    /// </summary>
    public ReadOnlySpan<int> Labels => labels;

    /// <summary>The label of one pixel.</summary>
    /// <param name="row">Row, 0 .. Height - 1.</param>
    /// <param name="column">Column, 0 .. Width - 1.</param>
    public int this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Height);
            ArgumentOutOfRangeException.ThrowIfNegative(column);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Width);
            return labels[(row * Width) + column];
        }
    }

    /// <summary>Number of pixels in each superpixel, indexed by label.</summary>
    public int[] SegmentSizes()
    {
        var sizes = new int[Count];
        foreach (var label in labels)
        {
            sizes[label]++;
        }

        return sizes;
    }

    /// <summary>The labels as an int64 tensor of shape [Height, Width] on the CPU.</summary>
    public Tensor ToTensor()
    {
        var wide = new long[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            wide[i] = labels[i];
        }

        return tensor(wide, [Height, Width], ScalarType.Int64);
    }
}
