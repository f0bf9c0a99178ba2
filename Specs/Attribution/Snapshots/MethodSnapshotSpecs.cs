using FluentAssertions;
using NUnit.Framework;
using XaiReference.Attribution;
using XaiReference.Figures;
using XaiReference.Fixtures;
using XaiReference.Models;
using XaiReference.Segmentation;
using XaiReference.Specs.Support;
using static TorchSharp.torch;

namespace XaiReference.Specs.Attribution.Snapshots;

/// <summary>
/// Pins what each image method gives on the ten fixture pictures with the embedded slim network: the figure in the
/// course's layout (<c>*.verified.png</c>) and the numbers behind it (<c>*.verified.json</c>). A change to a method,
/// the network or the pictures shows up here as a difference to review, not as a silently different figure.
/// Accept a deliberate change with <c>XAI_ACCEPT_SNAPSHOTS=1</c> (README).
/// </summary>
/// <remarks>
/// <para>Saliency, Integrated Gradients (course: 10 steps) and filter visualisation (100 Adam steps) run at the
/// course's settings. SmoothGrad runs 25 samples instead of 500 and LIME 100 instead of 1000, to keep the suite fast;
/// their settings are otherwise the course's and the seed is fixed, so the pins are exact reruns.</para>
/// <para>The numbers are the exact per-picture sums of the raw attributions and the maps averaged over 8 x 8 pixel
/// blocks (16 x 16 per picture): full maps would make megabytes of snapshot for little more safety, since a change
/// anywhere moves a block average or the sum. Tolerance: 1e-4 absolute plus 1e-3 relative, for float32
/// differences between CPUs (vectorised reductions sum in another order), far below a change of method.</para>
/// <para>Figures: each channel may differ by 2 levels (a map value near a rounding boundary of the 8-bit colour
/// scale), and the mean over all channels by 0.05 levels.</para>
/// </remarks>
public sealed class MethodSnapshotSpecs
{
    private const int Block = 8;
    private static readonly NumberTolerance Numbers = new(absolute: 1e-4, relative: 1e-3);
    private static readonly ImageTolerance Figure = new(maxChannelDifference: 2, meanChannelDifference: 0.05);
    private static readonly Lazy<CourseClassifier> model = new(DefaultFixtures.LoadClassifier);

    private static long[] Labels => DefaultFixtures.Pictures.Select(p => (long)p.Label).ToArray();

    private static string[] Captions => DefaultFixtures.Pictures.Select(p => MethodFigure.Caption(p.Label)).ToArray();

    [Test]
    public void Saliency_at_the_course_settings()
    {
        using var scope = NewDisposeScope();
        var pictures = DefaultFixtures.PictureBatch();
        using var result = new Saliency(model.Value, SaliencyOptions.Course).Attribute(pictures, Labels);

        Pin(result, "Saliency (course)", "saliency", pictures);
    }

    [Test]
    public void SmoothGrad_at_the_course_settings_with_25_samples()
    {
        using var scope = NewDisposeScope();
        var pictures = DefaultFixtures.PictureBatch();
        var options = SmoothGradOptions.Course with { Samples = 25, Seed = 0 };
        using var result = new SmoothGrad(model.Value, options).Attribute(pictures, Labels);

        Pin(result, "SmoothGrad (course, 25 samples, seed 0)", "smoothgrad", pictures);
    }

    [Test]
    public void Integrated_gradients_at_the_course_settings()
    {
        using var scope = NewDisposeScope();
        var pictures = DefaultFixtures.PictureBatch();
        using var result = new IntegratedGradients(model.Value, IntegratedGradientsOptions.Course)
            .Attribute(pictures, Labels);

        Pin(result, "Integrated Gradients (course, 10 steps)", "ig", pictures);
    }

    [Test]
    public void Lime_at_the_course_settings_with_100_samples()
    {
        using var scope = NewDisposeScope();
        var pictures = DefaultFixtures.PictureBatch();
        var settings = LimeSettings.Course with { Samples = 100, Seed = 0 };
        var fits = new List<object>();
        var views = new List<Tensor>();
        foreach (var picture in DefaultFixtures.Pictures)
        {
            var tensor = pictures[picture.Number];
            var segments = Slic.Segment(tensor).Labels.ToArray();
            var explanation = LimeImage.Explain(model.Value, tensor, segments, [picture.Label], settings);
            var fit = explanation[picture.Label];
            fits.Add(new
            {
                picture = picture.Number,
                label = picture.Label,
                segments = explanation.SegmentCount,
                intercept = fit.Intercept,
                score = fit.Score,
                localPrediction = fit.LocalPrediction,
                weights = fit.Weights,
            });
            views.Add(LimeView.ImageAndMask(tensor, explanation, picture.Label, LimeEvidence.Both, 11, 0.05).Picture);
        }

        Snapshot.VerifyObject(fits, Numbers);
        var png = MethodFigure.ForLime("LIME (course, 100 samples, seed 0)", pictures, Captions, stack(views));
        SnapshotStore.BesideSource().VerifyPng(png, Figure);
    }

    [Test]
    public void Filter_visualisation_of_cnn_6_filter_0_at_the_course_settings()
    {
        using var scope = NewDisposeScope();
        var pictures = DefaultFixtures.PictureBatch();
        var layer = ModulePath.Find(model.Value, "cnn.6");
        var result = FilterVisualization.Explain(model.Value, layer, pictures, 0, FilterVisualizationSettings.Course);

        result.Objective.Should().HaveCount(
            FilterVisualizationSettings.Course.Steps + 1, "before the first step and after each");
        Snapshot.VerifyObject(
            new
            {
                objective = result.Objective,
                activations = BlockAverages(result.Activations.unsqueeze(1)),
                visualisations = BlockAverages(result.Visualizations),
            },
            Numbers);
        var png = MethodFigure.ForFilter("Filter 0 of cnn.6 (course)", pictures, Captions, result);
        SnapshotStore.BesideSource().VerifyPng(png, Figure);
    }

    private static void Pin(AttributionResult result, string title, string rowName, Tensor pictures)
    {
        var sums = result.Attributions.sum([1, 2, 3]).to(ScalarType.Float64).data<double>().ToArray();
        Snapshot.VerifyObject(
            new { attributionSums = sums, maps = BlockAverages(result.Map.unsqueeze(1)) },
            Numbers);
        var png = MethodFigure.ForAttribution(title, pictures, Captions, result, rowName);
        SnapshotStore.BesideSource().VerifyPng(png, Figure);
    }

    /// <summary>[N, C, H, W] to per picture, per channel, the means of <see cref="Block"/>-pixel squares.</summary>
    private static double[][][][] BlockAverages(Tensor values)
    {
        using var scope = NewDisposeScope();
        var (n, c) = ((int)values.shape[0], (int)values.shape[1]);
        var pooled = nn.functional.avg_pool2d(values.detach().to(ScalarType.Float32), Block).to(ScalarType.Float64);
        var (h, w) = ((int)pooled.shape[2], (int)pooled.shape[3]);
        var flat = pooled.contiguous().data<double>().ToArray();
        return Enumerable.Range(0, n).Select(i =>
            Enumerable.Range(0, c).Select(k =>
                Enumerable.Range(0, h).Select(y =>
                    flat.AsSpan(((((i * c) + k) * h) + y) * w, w).ToArray()).ToArray()).ToArray()).ToArray();
    }
}
