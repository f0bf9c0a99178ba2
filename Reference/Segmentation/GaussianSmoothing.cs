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
        var line = new double[Math.Max(width, height) + (2 * radius)];
        var result = new double[Math.Max(width, height)];

        // Depth axis of length 1: every extended sample is the value itself.
        for (var i = 0; i < picture.Length; i++)
        {
            var value = picture[i];
            var total = value * weights[0];
            for (var d = radius; d >= 1; d--)
            {
                total += (value + value) * weights[d];
            }

            picture[i] = total;
        }

        // Along y: one line per (column, channel), stride width * channels.
        for (var x = 0; x < width; x++)
        {
            for (var c = 0; c < channels; c++)
            {
                FilterLine(picture, (x * channels) + c, width * channels, height, line, result);
            }
        }

        // Along x: one line per (row, channel), stride channels.
        for (var y = 0; y < height; y++)
        {
            for (var c = 0; c < channels; c++)
            {
                FilterLine(picture, (y * width * channels) + c, channels, width, line, result);
            }
        }
    }

    private void FilterLine(Span<double> data, int first, int stride, int length, double[] line, double[] result)
    {
        // line[radius + i] holds sample i; the margins hold the reflected samples.
        for (var i = 0; i < length; i++)
        {
            line[radius + i] = data[first + (i * stride)];
        }

        var period = 2 * length;
        for (var m = 1; m <= radius; m++)
        {
            line[radius - m] = line[radius + Reflect(-m, length, period)];
            line[radius + length - 1 + m] = line[radius + Reflect(length - 1 + m, length, period)];
        }

        ReadOnlySpan<double> taps = weights;
        ReadOnlySpan<double> samples = line.AsSpan(0, length + (2 * radius));
        for (var i = 0; i < length; i++)
        {
            var window = samples.Slice(i, (2 * radius) + 1);
            var total = window[radius] * taps[0];
            for (var d = radius; d >= 1; d--)
            {
                total += (window[radius - d] + window[radius + d]) * taps[d];
            }

            result[i] = total;
        }

        for (var i = 0; i < length; i++)
        {
            data[first + (i * stride)] = result[i];
        }
    }

    private static int Reflect(int index, int length, int period)
    {
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
