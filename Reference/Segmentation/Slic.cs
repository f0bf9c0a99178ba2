using TorchSharp;
using static TorchSharp.torch;

namespace XaiReference.Segmentation;

/// <summary>
/// SLIC superpixels (Achanta, Shaji, Smith, Lucchi, Fua and Suesstrunk, "SLIC Superpixels Compared
/// to State-of-the-art Superpixel Methods", TPAMI 2012), reproducing scikit-image 0.19's
/// <c>skimage.segmentation.slic</c> on a 2D RGB picture. The course's LIME draws its superpixels
/// from <c>slic(image, n_segments=200, compactness=1, sigma=1)</c>; <see cref="SlicSettings.Course"/>
/// holds those settings.
/// </summary>
/// <remarks>
/// <para>The stages, in skimage's order (numbers for a 128x128 picture at the course settings):</para>
/// <list type="number">
/// <item><b>Stretch.</b> Subtract the smallest value of the whole picture (all channels together)
/// and divide by the largest of the result, unless that is 0. A picture spanning [0, 1] is unchanged;
/// any other is stretched to span it.</item>
/// <item><b>Colour.</b> Convert sRGB to CIE Lab with <see cref="CieLab"/> (D65, 2 degree observer).</item>
/// <item><b>Smoothing.</b> Filter each Lab channel with a Gaussian of standard deviation Sigma along
/// rows, then columns: radius floor(4 Sigma + 0.5), borders extended by half-sample reflection.</item>
/// <item><b>Seeds.</b> A regular grid: spacing sqrt(H W / SegmentCount) rounded half to even,
/// first seed at floor(spacing / 2) (the unrounded spacing). 16384 / 200 gives spacing 9.05, so
/// seeds sit at 4, 13, ..., 121 on both axes: 196 seeds, in row-major order. Every seed starts with
/// colour (0, 0, 0), not the colour under it, so the first assignment is decided by position.</item>
/// <item><b>k-means, MaxIterations rounds.</b> Let S be the grid step (9). Each round, every centre
/// k at (y_k, x_k) with colour c_k scans rows trunc(max(y_k - 2S, 0)) to trunc(min(y_k + 2S + 1, H)) - 1
/// and the same range of columns, and claims pixel p when
/// D = ((y_p - y_k)^2 + (x_p - x_k)^2) / S^2 + |lab_p - c_k|^2 / Compactness^2 is strictly below
/// p's best so far this round. Centres are tried in seed order, so a tie keeps the lower index.
/// Then every centre moves to the mean position and mean Lab colour of the pixels it holds; a
/// centre left with none drops out. All rounds run (skimage's early stop cannot trigger), and the
/// labels are those of the last assignment.</item>
/// <item><b>Connectivity</b> (when EnforceConnectivity). With average area A = H W / seeds (83.6),
/// pixels are visited in raster order; an unvisited pixel starts a new piece, grown breadth-first
/// through 4-neighbours (right, left, down, up) of the same cluster until it holds
/// floor(MaxSizeFactor A) pixels (250); what is left of the cluster is picked up as further pieces.
/// A piece under floor(MinSizeFactor A) pixels (41) takes the label of the last already-labelled
/// neighbouring piece met while growing it. A small piece with no labelled neighbour, which can only
/// be the first one, keeps its new label and the next piece shares it (a quirk of skimage, kept).
/// Labels are given in order of the first pixel of each kept piece.</item>
/// </list>
/// <para>How our result differs from skimage's: labels start at 0 (skimage's start_label=1 minus
/// one). Without connectivity enforcement, skimage keeps a dropped centre's number, leaving a gap;
/// we number the surviving clusters 0..n-1 in seed order. Arithmetic is in double precision and in
/// skimage's order (sums, kernel normalisation, distance terms), which reproduced skimage's labels
/// pixel for pixel on float64 input in every case we compared (fixtures/slic); skimage given float32
/// input computes in single precision instead and may differ at near ties. Masks (maskSLIC), SLIC-zero,
/// anisotropic spacing and 3D volumes are not implemented.</para>
/// </remarks>
public static class Slic
{
    /// <summary>Segments an RGB picture given as interleaved floats.</summary>
    /// <param name="rgb">Row-major (height, width, 3) values in [0, 1]; length width * height * 3.</param>
    /// <param name="width">Picture width in pixels, at least 1.</param>
    /// <param name="height">Picture height in pixels, at least 1.</param>
    /// <param name="settings">Parameters; <see cref="SlicSettings.Course"/> when null.</param>
    /// <returns>The superpixel label map of the picture.</returns>
    /// <exception cref="ArgumentException">A size, value or setting is out of range.</exception>
    public static SuperpixelMap Segment(ReadOnlySpan<float> rgb, int width, int height, SlicSettings? settings = null)
    {
        CheckSize(rgb.Length, width, height, nameof(rgb));
        var picture = new double[rgb.Length];
        for (var i = 0; i < rgb.Length; i++)
        {
            picture[i] = rgb[i];
        }

        return SegmentChecked(picture, width, height, settings ?? SlicSettings.Course, nameof(rgb));
    }

    /// <summary>Segments an RGB picture given as interleaved doubles.</summary>
    /// <param name="rgb">Row-major (height, width, 3) values in [0, 1]; length width * height * 3.</param>
    /// <param name="width">Picture width in pixels, at least 1.</param>
    /// <param name="height">Picture height in pixels, at least 1.</param>
    /// <param name="settings">Parameters; <see cref="SlicSettings.Course"/> when null.</param>
    /// <returns>The superpixel label map of the picture.</returns>
    /// <exception cref="ArgumentException">A size, value or setting is out of range.</exception>
    public static SuperpixelMap Segment(ReadOnlySpan<double> rgb, int width, int height, SlicSettings? settings = null)
    {
        CheckSize(rgb.Length, width, height, nameof(rgb));
        return SegmentChecked(rgb.ToArray(), width, height, settings ?? SlicSettings.Course, nameof(rgb));
    }

    /// <summary>Segments an RGB picture given as a tensor, as the course's data loader produces it.</summary>
    /// <param name="image">[3, H, W] float32 or float64 tensor with values in [0, 1], on any device.</param>
    /// <param name="settings">Parameters; <see cref="SlicSettings.Course"/> when null.</param>
    /// <returns>The superpixel label map of the picture.</returns>
    /// <exception cref="ArgumentException">The shape, type, a value or a setting is out of range.</exception>
    public static SuperpixelMap Segment(Tensor image, SlicSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.dim() != 3 || image.shape[0] != 3)
        {
            throw new ArgumentException(
                $"Expected a [3, H, W] tensor, got [{string.Join(", ", image.shape)}].", nameof(image));
        }

        if (image.dtype is not (ScalarType.Float32 or ScalarType.Float64))
        {
            throw new ArgumentException($"Expected a float32 or float64 tensor, got {image.dtype}.", nameof(image));
        }

        var height = checked((int)image.shape[1]);
        var width = checked((int)image.shape[2]);
        double[] picture;
        using (NewDisposeScope())
        {
            // [3, H, W] -> [H, W, 3], row-major doubles; float32 values widen exactly.
            var interleaved = image.detach().cpu().to_type(ScalarType.Float64).permute(1, 2, 0).contiguous();
            picture = interleaved.data<double>().ToArray();
        }

        CheckSize(picture.Length, width, height, nameof(image));
        return SegmentChecked(picture, width, height, settings ?? SlicSettings.Course, nameof(image));
    }

    private static SuperpixelMap SegmentChecked(
        double[] picture,
        int width,
        int height,
        SlicSettings settings,
        string pictureName)
    {
        CheckValues(picture, width, pictureName);
        CheckSettings(settings);

        Stretch(picture);
        CieLab.FromSrgb(picture, picture);
        if (settings.Sigma > 0)
        {
            new GaussianSmoothing(settings.Sigma).Apply(picture, width, height, channels: 3);
        }

        var ratio = 1.0 / settings.Compactness;
        for (var i = 0; i < picture.Length; i++)
        {
            picture[i] *= ratio;
        }

        var clusters = SlicClustering.Run(picture, width, height, settings.SegmentCount, settings.MaxIterations);
        if (!settings.EnforceConnectivity)
        {
            return new SuperpixelMap(width, height, Renumber(clusters));
        }

        var seeds = RegularGrid.For(1, height, width, settings.SegmentCount);
        var seedCount = RegularGrid.SeedsAlong(height, seeds.StartY, seeds.StepY)
            * RegularGrid.SeedsAlong(width, seeds.StartX, seeds.StepX);
        var averageSize = (double)width * height / seedCount;
        var minSize = (int)(settings.MinSizeFactor * averageSize);
        var maxSize = (int)(settings.MaxSizeFactor * averageSize);
        return new SuperpixelMap(width, height, ConnectivityEnforcement.Run(clusters, width, height, minSize, maxSize));
    }

    private static void Stretch(Span<double> picture)
    {
        var min = double.PositiveInfinity;
        foreach (var value in picture)
        {
            min = Math.Min(min, value);
        }

        var max = double.NegativeInfinity;
        for (var i = 0; i < picture.Length; i++)
        {
            picture[i] -= min;
            max = Math.Max(max, picture[i]);
        }

        if (max != 0)
        {
            for (var i = 0; i < picture.Length; i++)
            {
                picture[i] /= max;
            }
        }
    }

    private static int[] Renumber(int[] clusters)
    {
        var highest = clusters.Max();
        var newLabel = new int[highest + 1];
        foreach (var cluster in clusters)
        {
            newLabel[cluster] = 1;
        }

        var next = 0;
        for (var k = 0; k <= highest; k++)
        {
            newLabel[k] = newLabel[k] == 1 ? next++ : -1;
        }

        return Array.ConvertAll(clusters, cluster => newLabel[cluster]);
    }

    private static void CheckSize(int length, int width, int height, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var expected = (long)width * height * 3;
        if (length != expected)
        {
            throw new ArgumentException(
                $"Expected width * height * 3 = {width} * {height} * 3 = {expected} values, got {length}.", name);
        }
    }

    private static void CheckValues(ReadOnlySpan<double> picture, int width, string name)
    {
        for (var i = 0; i < picture.Length; i++)
        {
            var value = picture[i];
            if (!(value >= 0 && value <= 1))
            {
                var pixel = i / 3;
                var shown = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                throw new ArgumentException(
                    $"Expected values in [0, 1], got {shown} at row {pixel / width}, column {pixel % width}, "
                    + $"channel {i % 3}.",
                    name);
            }
        }
    }

    private static void CheckSettings(SlicSettings settings)
    {
        static void Fail(string what, object actual) => throw new ArgumentOutOfRangeException(
            "settings", actual, $"Expected SlicSettings.{what}, got {actual}.");

        if (settings.SegmentCount < 1)
        {
            Fail("SegmentCount >= 1", settings.SegmentCount);
        }

        if (!(settings.Compactness > 0 && double.IsFinite(settings.Compactness)))
        {
            Fail("Compactness finite and > 0", settings.Compactness);
        }

        if (!(settings.Sigma >= 0 && double.IsFinite(settings.Sigma)))
        {
            Fail("Sigma finite and >= 0", settings.Sigma);
        }

        if (settings.MaxIterations < 1)
        {
            Fail("MaxIterations >= 1", settings.MaxIterations);
        }

        if (!(settings.MinSizeFactor >= 0 && double.IsFinite(settings.MinSizeFactor)))
        {
            Fail("MinSizeFactor finite and >= 0", settings.MinSizeFactor);
        }

        if (!(settings.MaxSizeFactor > 0 && double.IsFinite(settings.MaxSizeFactor)))
        {
            Fail("MaxSizeFactor finite and > 0", settings.MaxSizeFactor);
        }
    }
}
