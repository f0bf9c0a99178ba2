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
/// anywhere moves a block average or the sum.</para>
/// <para>The tolerances cover float32 on other CPUs: vectorised kernels of other widths sum in another order. They
/// were measured by rerunning these specs with libtorch held to narrower instruction sets
/// (<c>ATEN_CPU_CAPABILITY=default ONEDNN_MAX_CPU_ISA=SSE41 MKL_ENABLE_INSTRUCTIONS=SSE4_2</c>, and AVX) on an AVX2
/// machine, against snapshots made on another CPU; <c>.ci/run</c> reruns them that way. The largest differences seen
/// and what the tolerances allow:</para>
/// <list type="bullet">
/// <item>Sums and block averages: 1e-4 absolute plus 1e-3 relative (seen: 1.3e-4 relative on IG's sums), except
/// saliency's maps, 1e-3 absolute plus 1e-3 relative (seen: 5e-4 on values in [0, 1]). The course's saliency
/// differentiates the cross-entropy, whose gradient for a confident prediction is 1 - p, computed with cancellation,
/// and each map is divided by its own largest pixel; so every block moves together by about 1e-3. A change of method
/// is far larger: the paper's saliency moves a block by up to 0.26, SmoothGrad with 24 samples instead of 25 by up to
/// 0.08, IG with 9 steps instead of 10 by up to 0.27.</item>
/// <item>SmoothGrad: 1e-3 absolute plus 1e-3 relative, as saliency, whose cross-entropy it also differentiates. The
/// central blocks of picture 1 switch between two sets of values up to 1.5e-3 apart (0.9965 or 0.9950 in the block
/// that moves most) with the CPU's kernels and with the folding of BatchNorm into the convolutions
/// (<see cref="CourseClassifier.FoldBatchNorm"/>): a step rather than a drift, as when a ReLU or max-pool decision in
/// one of the 25 noisy copies lies within rounding of its threshold. Elsewhere the maps agree to 1e-6, bar 8e-4 in
/// one block of picture 7.</item>
/// <item>Filter visualisation: Adam divides each step by the gradient's running magnitude, so a pixel whose gradient
/// is rounding noise still moves by the learning rate, in the direction the noise says; after 100 steps such pixels
/// differ by up to 1.0 in an 8 x 8 block. The pin is therefore the objective at every step and the activation maps
/// (1e-4 absolute plus 1e-3 relative; seen: 3.2e-5 relative) and, apart, the visualisations averaged over 32 x 32
/// blocks, 0.1 absolute (seen: 0.047, values from -8.9 to 10.4). A learning rate 5% lower moves the final objective
/// by 5% and a block by up to 0.7; one step fewer shortens the objective.</item>
/// <item>Figures: each channel may differ by 2 levels (a map value near a rounding boundary of the 8-bit colour
/// scale) except for 0.01% of the values (seen: 0.001%, up to 9 levels), with a mean of at most 0.05 levels (seen:
/// 0.0008). The filter figure shows the visualisations pixel by pixel: 16 levels except for 0.2% of the values
/// (seen: 0.04%, up to 148 levels), mean 0.3 (seen: 0.11).</item>
/// </list>
/// </remarks>
public sealed class MethodSnapshotSpecs
{
    private const int Block = 8;
    private const int VisualisationBlock = 32;
    private static readonly NumberTolerance Numbers = new(absolute: 1e-4, relative: 1e-3);
    private static readonly NumberTolerance SaliencyNumbers = new(absolute: 1e-3, relative: 1e-3);
    private static readonly NumberTolerance SmoothGradNumbers = new(absolute: 1e-3, relative: 1e-3);
    private static readonly NumberTolerance Visualisations = new(absolute: 0.1, relative: 0);
    private static readonly ImageTolerance Figure = new(
        maxChannelDifference: 2, meanChannelDifference: 0.05, outlierFraction: 1e-4);
    private static readonly ImageTolerance FilterFigure = new(
        maxChannelDifference: 16, meanChannelDifference: 0.3, outlierFraction: 2e-3);
    private static readonly Lazy<CourseClassifier> model = new(DefaultFixtures.LoadClassifier);

    private static long[] Labels => DefaultFixtures.Pictures.Select(p => (long)p.Label).ToArray();

    private static string[] Captions => DefaultFixtures.Pictures.Select(p => MethodFigure.Caption(p.Label)).ToArray();

    [Test]
    public void Saliency_at_the_course_settings()
    {
        using var scope = NewDisposeScope();
        var pictures = DefaultFixtures.PictureBatch();
        using var result = new Saliency(model.Value, SaliencyOptions.Course).Attribute(pictures, Labels);

        Pin(result, "Saliency (course)", "saliency", pictures, SaliencyNumbers);
    }

    [Test]
    public void SmoothGrad_at_the_course_settings_with_25_samples()
    {
        using var scope = NewDisposeScope();
        var pictures = DefaultFixtures.PictureBatch();
        var options = SmoothGradOptions.Course with { Samples = 25, Seed = 0 };
        using var result = new SmoothGrad(model.Value, options).Attribute(pictures, Labels);

        Pin(result, "SmoothGrad (course, 25 samples, seed 0)", "smoothgrad", pictures, SmoothGradNumbers);
    }

    [Test]
    public void Integrated_gradients_at_the_course_settings()
    {
        using var scope = NewDisposeScope();
        var pictures = DefaultFixtures.PictureBatch();
        using var result = new IntegratedGradients(model.Value, IntegratedGradientsOptions.Course)
            .Attribute(pictures, Labels);

        Pin(result, "Integrated Gradients (course, 10 steps)", "ig", pictures, Numbers);
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
            new { objective = result.Objective, activations = BlockAverages(result.Activations.unsqueeze(1), Block) },
            Numbers);
        Snapshot.VerifyObject(
            BlockAverages(result.Visualizations, VisualisationBlock), Visualisations, suffix: "visualisations");
        var png = MethodFigure.ForFilter("Filter 0 of cnn.6 (course)", pictures, Captions, result);
        SnapshotStore.BesideSource().VerifyPng(png, FilterFigure);
    }

    private static void Pin(
        AttributionResult result,
        string title,
        string rowName,
        Tensor pictures,
        NumberTolerance tolerance)
    {
        var sums = result.Attributions.sum([1, 2, 3]).to(ScalarType.Float64).data<double>().ToArray();
        Snapshot.VerifyObject(
            new { attributionSums = sums, maps = BlockAverages(result.Map.unsqueeze(1), Block) },
            tolerance);
        var png = MethodFigure.ForAttribution(title, pictures, Captions, result, rowName);
        SnapshotStore.BesideSource().VerifyPng(png, Figure);
    }

    /// <summary>[N, C, H, W] to the means of <paramref name="block"/>-pixel squares, per picture and channel.</summary>
    private static double[][][][] BlockAverages(Tensor values, int block)
    {
        using var scope = NewDisposeScope();
        var (n, c) = ((int)values.shape[0], (int)values.shape[1]);
        var pooled = nn.functional.avg_pool2d(values.detach().to(ScalarType.Float32), block).to(ScalarType.Float64);
        var (h, w) = ((int)pooled.shape[2], (int)pooled.shape[3]);
        var flat = pooled.contiguous().data<double>().ToArray();
        return Enumerable.Range(0, n).Select(i =>
            Enumerable.Range(0, c).Select(k =>
                Enumerable.Range(0, h).Select(y =>
                    flat.AsSpan(((((i * c) + k) * h) + y) * w, w).ToArray()).ToArray()).ToArray()).ToArray();
    }
}
