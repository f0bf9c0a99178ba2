using System.Numerics;

namespace XaiReference.Segmentation;

/// <summary>
/// Separable Gaussian smoothing of an interleaved (height, width, channels) picture, matching
/// <c>scipy.ndimage.gaussian_filter(..., mode='reflect', truncate=4.0)</c> as scikit-image's SLIC
/// calls it: the kernel has radius floor(4 sigma + 0.5), weights exp(-x^2 / (2 sigma^2)) divided by
/// their sum, and the border is extended by half-sample reflection (d c b a | a b c d | d c b a).
/// </summary>
/// <remarks>
/// skimage passes a scalar sigma to all three spatial axes of its (depth, height, width) volume,
/// including the depth axis of length 1 that a 2D picture gets. Filtering that axis leaves each
/// value multiplied by the kernel's sum, which is 1 only up to rounding, so we apply it too (first,
/// as scipy does) to keep the last bits equal. Each output is accumulated as scipy accumulates a
/// symmetric kernel: centre weight first, then the pairs from the outermost inwards.
/// </remarks>
internal sealed class GaussianSmoothing
{
    private readonly double[] weights;
    private readonly int radius;

    public GaussianSmoothing(double sigma)
    {
        radius = (int)((4.0 * sigma) + 0.5);
        weights = new double[radius + 1];
        var full = new double[(2 * radius) + 1];
        var coefficient = -0.5 / (sigma * sigma);
        for (var i = 0; i < full.Length; i++)
        {
            var offset = i - radius;
            full[i] = Math.Exp(coefficient * (offset * offset));
        }

        var sum = PairwiseSum(full);
        for (var d = 0; d <= radius; d++)
        {
            weights[d] = full[radius + d] / sum;
        }
    }

    /// <summary>Smooths <paramref name="picture"/> in place along depth (length 1), rows, then columns.</summary>
    public void Apply(Span<double> picture, int width, int height, int channels)
    {
        var rowLength = width * channels;

        // Depth axis of length 1: every extended sample is the value itself, so the source is the
        // picture read with step 0 (in place is safe: each output reads only its own input).
        Correlate(picture, 0, 0, picture);

        // Along y: a copy with `radius` reflected rows above and below; output row y reads copy
        // rows y .. y + 2 radius, neighbours one row (rowLength values) apart.
        var rows = new double[(height + (2 * radius)) * rowLength];
        for (var y = -radius; y < height + radius; y++)
        {
            picture.Slice(Reflect(y, height) * rowLength, rowLength)
                .CopyTo(rows.AsSpan((y + radius) * rowLength, rowLength));
        }

        Correlate(rows, radius * rowLength, rowLength, picture);

        // Along x: per row, a copy with `radius` reflected pixels on each side; neighbours one pixel
        // (channels values) apart, so the channels stay apart.
        var row = new double[(width + (2 * radius)) * channels];
        for (var y = 0; y < height; y++)
        {
            var target = picture.Slice(y * rowLength, rowLength);
            for (var x = -radius; x < width + radius; x++)
            {
                target.Slice(Reflect(x, width) * channels, channels)
                    .CopyTo(row.AsSpan((x + radius) * channels, channels));
            }

            Correlate(row, radius * channels, channels, target);
        }
    }

    /// <summary>
    /// output[i] = source[centre + i] w0 + sum over d = radius .. 1 of
    /// (source[centre + i - d step] + source[centre + i + d step]) w_d, accumulated in that order.
    /// Vector lanes are different outputs, so each output's arithmetic is unchanged.
    /// </summary>
    private void Correlate(ReadOnlySpan<double> source, int centre, int step, Span<double> output)
    {
        var lanes = Vector<double>.Count;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= output.Length - lanes; i += lanes)
            {
                var total = new Vector<double>(source[(centre + i)..]) * weights[0];
                for (var d = radius; d >= 1; d--)
                {
                    var before = new Vector<double>(source[(centre + i - (d * step))..]);
                    var after = new Vector<double>(source[(centre + i + (d * step))..]);
                    total += (before + after) * weights[d];
                }

                total.CopyTo(output[i..]);
            }
        }

        for (; i < output.Length; i++)
        {
            var total = source[centre + i] * weights[0];
            for (var d = radius; d >= 1; d--)
            {
                total += (source[centre + i - (d * step)] + source[centre + i + (d * step)]) * weights[d];
            }

            output[i] = total;
        }
    }

    /// <summary>Half-sample reflection of an index into 0 .. length - 1, repeated as often as needed.</summary>
    private static int Reflect(int index, int length)
    {
        var period = 2 * length;
        var m = ((index % period) + period) % period;
        return m < length ? m : period - 1 - m;
    }

    /// <summary>NumPy's pairwise summation (8 running partial sums for up to 128 terms, halving above).</summary>
    private static double PairwiseSum(ReadOnlySpan<double> values)
    {
        if (values.Length < 8)
        {
            var plain = 0.0;
            foreach (var value in values)
            {
                plain += value;
            }

            return plain;
        }

        if (values.Length <= 128)
        {
            Span<double> partial = stackalloc double[8];
            values[..8].CopyTo(partial);
            var i = 8;
            for (; i < values.Length - (values.Length % 8); i += 8)
            {
                for (var j = 0; j < 8; j++)
                {
                    partial[j] += values[i + j];
                }
            }

            var total = ((partial[0] + partial[1]) + (partial[2] + partial[3]))
                + ((partial[4] + partial[5]) + (partial[6] + partial[7]));
            for (; i < values.Length; i++)
            {
                total += values[i];
            }

            return total;
        }

        var half = values.Length / 2;
        half -= half % 8;
        return PairwiseSum(values[..half]) + PairwiseSum(values[half..]);
    }
}
