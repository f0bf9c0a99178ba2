using XaiReference.Attribution;
using XaiReference.Fixtures;
using XaiReference.Models;
using XaiReference.Segmentation;
using static TorchSharp.torch;

namespace XaiReference.Benchmarks;

/// <summary>
/// One classifier and one picture, and each image method as one call on them: what the benchmark classes time
/// and the peak-memory probe measures. The Python baseline (benchmarks/python/baseline.py) runs the same
/// calls under the same names.
/// </summary>
public sealed class ImageWorkload : IDisposable
{
    /// <summary>The fixture picture every method explains (picture 0, the butter).</summary>
    public const int PictureNumber = 0;

    /// <summary>The layer whose filter 0 is visualised: the course's shallow choice.</summary>
    public const string FilterLayer = "cnn.6";

    private readonly Tensor batch;
    private readonly Tensor tenPictures;
    private readonly Tensor picture;

    private ImageWorkload(CourseClassifier model, string description)
    {
        Model = model;
        BenchmarkSetup.Apply(Model);
        Description = description;
        Label = DefaultFixtures.Pictures[PictureNumber].Label;
        picture = DefaultFixtures.Pictures[PictureNumber].ToTensor();
        batch = picture.unsqueeze(0);
        tenPictures = DefaultFixtures.PictureBatch();
    }

    /// <summary>The classifier, in eval mode.</summary>
    public CourseClassifier Model { get; }

    /// <summary>Which network this is, for reports.</summary>
    public string Description { get; }

    /// <summary>The picture's true class, the target of every method.</summary>
    public int Label { get; }

    /// <summary>The trained slim fixture network (channels 16, 16, 32, 64, 64; hidden 128).</summary>
    public static ImageWorkload Slim() => new(DefaultFixtures.LoadClassifier(), "slim fixture network (trained)");

    /// <summary>
    /// The course's width (channels 128, 128, 256, 512, 512; hidden 1024) with torch's default random
    /// initialisation from seed 0: the cost of a pass depends on the shapes, not on the weights.
    /// </summary>
    public static ImageWorkload CourseWidth()
    {
        manual_seed(0);
        var model = new CourseClassifier(ClassifierWidth.Course);
        model.eval();
        return new ImageWorkload(model, "course width (random weights, seed 0)");
    }

    /// <summary>
    /// The reference point: one forward and one backward pass of the picture at batch 1, the gradient of its
    /// label's logit with respect to the input, in eval mode with frozen parameters as the methods run.
    /// </summary>
    public void ForwardBackward()
    {
        using var state = new ModelStateGuard(Model);
        using var scope = NewDisposeScope();
        Gradients.Of(Model, batch, logits => logits[0, Label]);
    }

    /// <summary>One forward pass at batch 1 under no_grad.</summary>
    public void Forward()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        Model.call(batch);
    }

    /// <summary>The course's saliency map: |d cross-entropy / dx|, max over channels, min-max normalised.</summary>
    public void Saliency()
    {
        using var result = new Saliency(Model, SaliencyOptions.Course).Attribute(batch, [Label]);
    }

    /// <summary>The course's SmoothGrad with <paramref name="samples"/> noisy copies (the course: 500).</summary>
    /// <param name="samples">Noisy copies.</param>
    /// <param name="internalBatchSize">Samples per pass; the options' default (10) when null.</param>
    public void SmoothGrad(int samples, int? internalBatchSize = null)
    {
        var options = SmoothGradOptions.Course with
        {
            Samples = samples,
            InternalBatchSize = internalBatchSize ?? SmoothGradOptions.Course.InternalBatchSize,
        };
        using var result = new SmoothGrad(Model, options).Attribute(batch, [Label]);
    }

    /// <summary>The course's Integrated Gradients: 10 left-Riemann steps from black, averaged gradients.</summary>
    /// <param name="internalBatchSize">Path points per pass; the default 10 puts all 10 in one pass.</param>
    public void IntegratedGradientsCourse(int internalBatchSize = 10)
    {
        var options = IntegratedGradientsOptions.Course with { InternalBatchSize = internalBatchSize };
        using var result = new IntegratedGradients(Model, options).Attribute(batch, [Label]);
    }

    /// <summary>The paper's Integrated Gradients: 50 Gauss-Legendre steps, times (x - baseline), with deltas.</summary>
    /// <param name="internalBatchSize">Path points per pass; the options' default (10) when null.</param>
    public void IntegratedGradients50(int? internalBatchSize = null)
    {
        var options = IntegratedGradientsOptions.Paper with
        {
            InternalBatchSize = internalBatchSize ?? IntegratedGradientsOptions.Paper.InternalBatchSize,
        };
        using var result = new IntegratedGradients(Model, options).Attribute(batch, [Label]);
    }

    /// <summary>SLIC at the course's settings (n_segments 200, compactness 1, sigma 1) on the picture.</summary>
    public int[] Slic() => Segmentation.Slic.Segment(picture, SlicSettings.Course).Labels.ToArray();

    /// <summary>The course's LIME: SLIC, then <paramref name="samples"/> perturbed pictures in batches of 10.</summary>
    /// <param name="samples">Perturbed samples (the course: 1000).</param>
    public void Lime(int samples)
    {
        var segments = Slic();
        LimeImage.Explain(Model, picture, segments, [Label], LimeSettings.Course with { Samples = samples });
    }

    /// <summary>
    /// LIME's own machinery on its own: <see cref="Lime"/> (SLIC, sampling, the perturbed pictures, the kernel and
    /// the regression) with a stand-in classifier that returns the same logits for every picture without looking at
    /// it, so that no network runs.
    /// </summary>
    /// <param name="samples">Perturbed samples (the course: 1000).</param>
    public void LimeMachineryOnly(int samples)
    {
        var segments = Slic();
        using var logits = zeros(1, CourseClassifier.ClassCount);
        LimeImage.Explain(
            pictures => logits.expand(pictures.shape[0], -1).clone(),
            picture,
            segments,
            [Label],
            LimeSettings.Course with { Samples = samples });
    }

    /// <summary>
    /// Only the classifier's share of <see cref="Lime"/>: the same number of pictures through the model in
    /// batches of 10 under no_grad. <see cref="LimeMachineryOnly"/> measures the rest directly.
    /// </summary>
    /// <param name="samples">Pictures scored.</param>
    public void LimeClassifierOnly(int samples)
    {
        var batchSize = LimeSettings.Course.BatchSize;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var tens = batch.expand(batchSize, -1, -1, -1).contiguous();
        for (var start = 0; start < samples; start += batchSize)
        {
            using var step = NewDisposeScope();
            Model.call(start + batchSize <= samples ? tens : tens.narrow(0, 0, samples - start));
        }
    }

    /// <summary>
    /// The course's filter visualisation of <see cref="FilterLayer"/> filter 0: activation maps, then Adam
    /// (lr 0.1) for <paramref name="steps"/> steps on the first <paramref name="pictures"/> fixture pictures.
    /// </summary>
    /// <param name="steps">Adam steps (the course: 100).</param>
    /// <param name="pictures">Pictures in the batch (the course: all ten).</param>
    public void FilterVisualization(int steps, int pictures)
    {
        var settings = FilterVisualizationSettings.Course with { Steps = steps };
        var layer = ModulePath.Find(Model, FilterLayer);
        using var scope = NewDisposeScope();
        Attribution.FilterVisualization.Explain(Model, layer, tenPictures.narrow(0, 0, pictures), 0, settings);
    }

    /// <summary>
    /// The network a command line names, with its calls (<see cref="Calls"/>) by name; sets libtorch up first
    /// (<see cref="BenchmarkSetup.Torch"/>).
    /// </summary>
    /// <param name="width"><c>slim</c> or <c>course</c>.</param>
    public static (ImageWorkload Workload, Dictionary<string, Action> Calls) Named(string width)
    {
        var courseWidth = width switch
        {
            "slim" => false,
            "course" => true,
            _ => throw new ArgumentException($"Expected the width 'slim' or 'course', got '{width}'.", nameof(width)),
        };

        BenchmarkSetup.Torch();
        var workload = courseWidth ? CourseWidth() : Slim();
        return (workload, workload.Calls(courseWidth).ToDictionary(c => c.Name, c => c.Call, StringComparer.Ordinal));
    }

    /// <summary>
    /// Every method as a call under the name the benchmark classes give it, with the settings they use.
    /// </summary>
    /// <param name="courseWidth">The course-width settings (fewer passes) instead of the slim network's.</param>
    /// <param name="memory">For the peak-memory probe: at course width only one pass and the course's
    /// Integrated Gradients with 10, 5 and 2 path points a pass, to show that the internal batch bounds the
    /// peak.</param>
    public IReadOnlyList<(string Name, Action Call)> Calls(bool courseWidth, bool memory = false)
    {
        var calls = new List<(string, Action)>
        {
            ("ForwardBackward", ForwardBackward),
            ("Forward", Forward),
            ("Saliency", Saliency),
            ("IntegratedGradientsCourse", () => IntegratedGradientsCourse()),
        };
        if (courseWidth && memory)
        {
            // Peak memory bounded by the internal batch: the course's 10 steps with 10, 5 and 2 points a pass.
            return
            [
                ("ForwardBackward", ForwardBackward),
                ("IntegratedGradientsCourse", () => IntegratedGradientsCourse()),
                ("IntegratedGradientsCourseBatch5", () => IntegratedGradientsCourse(internalBatchSize: 5)),
                ("IntegratedGradientsCourseBatch2", () => IntegratedGradientsCourse(internalBatchSize: 2)),
            ];
        }

        if (courseWidth)
        {
            calls.AddRange(
            [
                ("SmoothGrad10", () => SmoothGrad(10)),
                ("Lime20", () => Lime(20)),
                ("Lime20ClassifierOnly", () => LimeClassifierOnly(20)),
                ("FilterVisualization5", () => FilterVisualization(5, 10)),
            ]);
        }
        else
        {
            calls.AddRange(
            [
                ("IntegratedGradients50", () => IntegratedGradients50()),
                ("IntegratedGradients50Batch50", () => IntegratedGradients50(internalBatchSize: 50)),
                ("SmoothGrad500", () => SmoothGrad(500)),
                ("SmoothGrad500Batch50", () => SmoothGrad(500, internalBatchSize: 50)),
                ("Slic", () => Slic()),
                ("Lime1000", () => Lime(1000)),
                ("Lime1000ClassifierOnly", () => LimeClassifierOnly(1000)),
                ("Lime1000MachineryOnly", () => LimeMachineryOnly(1000)),
                ("FilterVisualization100", () => FilterVisualization(100, 10)),
            ]);
        }

        return calls;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        batch.Dispose();
        picture.Dispose();
        tenPictures.Dispose();
        Model.Dispose();
    }
}
