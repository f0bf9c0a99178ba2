using TorchSharp;
using static TorchSharp.torch;

namespace XaiReference.Segmentation;

/// <summary>
/// SLIC superpixels (Achanta, Shaji, Smith, Lucchi, Fua and Suesstrunk, "SLIC Superpixels Compared
/// to State-of-the-art Superpixel Methods", TPAMI 2012), reproducing scikit-image 0.19's
/// <c>skimage.segmentation.slic</c> for a 2D RGB picture. The course's LIME draws its superpixels
/// from <c>slic(image, n_segments=200, compactness=1, sigma=1)</c>; <see cref="SlicSettings.Course"/>
/// holds those settings.
/// </summary>
/// <remarks>
/// <para>The stages, in skimage's order:</para>
/// <list type="number">
/// <item>Stretch: subtract the smallest value of the whole picture (all channels together) and
/// divide by the largest of the result, unless that is 0. A picture that already spans [0, 1]
/// is unchanged; a dim one is brightened.</item>
/// <item>Convert sRGB to CIE Lab (<see cref="CieLab"/>, D65, 2 degree observer).</item>
/// <item>Smooth each Lab channel with a Gaussian of standard deviation Sigma along rows and
/// columns (reflecting borders, radius floor(4 Sigma + 0.5)).</item>
/// <item>Divide the Lab values by Compactness, so that the squared colour distance is weighed
/// by 1 / Compactness^2 against the squared spatial distance divided by S^2, S being the seed
/// spacing.</item>
/// <item>Place seeds on a regular grid: spacing sqrt(H W / SegmentCount) rounded to an integer,
/// first seed at half the unrounded spacing (floor). On 128x128 with 200 segments: spacing 9,
/// seeds at 4, 13, ..., 121 on both axes, 196 seeds. Seeds start with colour (0, 0, 0).</item>
/// <item>Run MaxIterations rounds of windowed k-means (window of 2 S around each centre, strict
/// improvement, lower index wins ties); see the remarks of the internal clustering class.</item>
/// <item>If EnforceConnectivity: split clusters into 4-connected pieces in raster order, cut pieces
/// at MaxSizeFactor H W / seeds pixels, and merge pieces below MinSizeFactor H W / seeds pixels into
/// the last neighbouring piece met (on 128x128: below 41 pixels merged, cut at 250).</item>
/// </list>
/// <para>How the result differs from skimage: labels start at 0 instead of 1 (skimage's
/// <c>start_label=1</c> minus one). Without connectivity enforcement, skimage returns cluster
/// numbers with gaps where a cluster died; we renumber the surviving clusters 0..n-1 in order.
/// The arithmetic is done in double precision in the same order as skimage's, which gives the same
/// labels as skimage on float64 input; skimage run on float32 input computes in single precision
/// and may differ in pixels whose two best centres are nearly tied. Masks, SLIC-zero, anisotropic
/// spacing and 3D volumes are not implemented.</para>
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
    public static Segmentation Segment(ReadOnlySpan<float> rgb, int width, int height, SlicSettings? settings = null)
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
    public static Segmentation Segment(ReadOnlySpan<double> rgb, int width, int height, SlicSettings? settings = null)
    {
        CheckSize(rgb.Length, width, height, nameof(rgb));
        return SegmentChecked(rgb.ToArray(), width, height, settings ?? SlicSettings.Course, nameof(rgb));
    }

    /// <summary>Segments an RGB picture given as a tensor, as the course's data loader produces it.</summary>
    /// <param name="image">[3, H, W] float32 or float64 tensor with values in [0, 1], on any device.</param>
    /// <param name="settings">Parameters; <see cref="SlicSettings.Course"/> when null.</param>
    /// <returns>The superpixel label map of the picture.</returns>
    /// <exception cref="ArgumentException">The shape, type, a value or a setting is out of range.</exception>
    public static Segmentation Segment(Tensor image, SlicSettings? settings = null)
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

    private static Segmentation SegmentChecked(
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
            return new Segmentation(width, height, Renumber(clusters));
        }

        var seeds = RegularGrid.For(1, height, width, settings.SegmentCount);
        var seedCount = RegularGrid.SeedsAlong(height, seeds.StartY, seeds.StepY)
            * RegularGrid.SeedsAlong(width, seeds.StartX, seeds.StepX);
        var averageSize = (double)width * height / seedCount;
        var minSize = (int)(settings.MinSizeFactor * averageSize);
        var maxSize = (int)(settings.MaxSizeFactor * averageSize);
        return new Segmentation(width, height, ConnectivityEnforcement.Run(clusters, width, height, minSize, maxSize));
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
