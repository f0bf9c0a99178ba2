using XaiReference.Attribution;
using XaiReference.Imaging;
using XaiReference.Segmentation;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace XaiReference.Grader.Quiz.Evidence;

/// <summary>One picture to measure: [3, 128, 128] floats in [0, 1], its class and its region mask.</summary>
/// <param name="Picture">The picture tensor.</param>
/// <param name="Label">Its true class.</param>
/// <param name="Mask">Its background, plate and food pixels.</param>
public sealed record EvidencePicture(Tensor Picture, int Label, RegionMask Mask);

/// <summary>
/// Runs the five image methods on the pictures, in the course's variants and at the given settings, and
/// keeps the numbers the questions are derived from.
/// </summary>
public static class ImageEvidenceRunner
{
    /// <summary>Measures everything; reports each method's progress.</summary>
    /// <param name="model">A course-shaped classifier with a <c>cnn</c> Sequential.</param>
    /// <param name="pictures">The pictures in the course's numbering.</param>
    /// <param name="settings">Method settings; the course's by default.</param>
    /// <param name="progress">Receives progress of the long methods.</param>
    public static ImageEvidence Measure(
        Module<Tensor, Tensor> model,
        IReadOnlyList<EvidencePicture> pictures,
        EvidenceSettings? settings = null,
        IProgress<AttributionProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(pictures);
        settings ??= EvidenceSettings.Course;
        if (pictures.Count == 0)
        {
            throw new ArgumentException("At least one picture is needed.", nameof(pictures));
        }

        using var scope = NewDisposeScope();
        var batch = stack(pictures.Select(p => p.Picture).ToArray());
        var labels = pictures.Select(p => (long)p.Label).ToArray();

        var (predicted, confidence) = Predict(model, batch);
        var lime = MeasureLime(model, pictures, settings, progress);
        var saliency = new Saliency(model, SaliencyOptions.Course).Attribute(batch, labels);
        var lossGradient = SaliencyIsLossGradient(model, batch, labels, saliency.Attributions);
        var smoothOptions = SmoothGradOptions.Course with { Samples = settings.SmoothGradSamples };
        var smooth = new SmoothGrad(model, smoothOptions).Attribute(batch, labels, progress);
        var shallow = Filter(model, settings.ShallowLayer, batch, settings, progress);
        var deep = Filter(model, settings.DeepLayer, batch, settings, progress);
        var ig = MeasureIntegratedGradients(model, batch, labels, settings, progress);

        var evidence = new List<PictureEvidence>();
        for (var i = 0; i < pictures.Count; i++)
        {
            var mask = pictures[i].Mask;
            var picture = pictures[i].Picture;
            var range = (picture.max() - picture.min()).item<float>();
            evidence.Add(new PictureEvidence(
                Number: i,
                Label: pictures[i].Label,
                Predicted: predicted[i],
                Confidence: confidence[i],
                Area: RegionShares.Area(mask),
                LimePositive: lime.Positive[i],
                LimeNegative: lime.Negative[i],
                LimeFit: lime.Fit[i],
                Saliency: RegionShares.Of(saliency.Map[i], mask),
                SaliencyRawMax: saliency.Attributions[i].max().item<float>(),
                SmoothGrad: RegionShares.Of(smooth.Map[i], mask),
                SmoothGradNoiseStd: smoothOptions.NoiseStandardDeviation(range),
                SmoothGradRawMax: smooth.Attributions[i].max().item<float>(),
                ShallowFilter: RegionShares.Of(shallow.Activations[i], mask),
                DeepFilter: RegionShares.Of(deep.Activations[i], mask),
                ShallowVisualizationChange: (shallow.Visualizations[i] - picture).abs().mean().item<float>(),
                DeepVisualizationChange: (deep.Visualizations[i] - picture).abs().mean().item<float>(),
                IntegratedGradients: RegionShares.Of(ig.CourseMaps[i], mask),
                CourseIgSum: ig.CourseSums[i],
                ScoreGain: ig.ScoreGains[i],
                PaperDeltaFewSteps: ig.FewStepDeltas[i],
                PaperDeltaManySteps: ig.ManyStepDeltas[i],
                CourseIgStepCorrelation: ig.StepCorrelations[i]));
        }

        return new ImageEvidence(
            settings,
            evidence,
            LayerTypes(model),
            lime.RowZeroAllOn,
            lime.GreenIsPositive,
            lossGradient,
            ig.CourseAlphas);
    }

    private static (int[] Predicted, double[] Confidence) Predict(Module<Tensor, Tensor> model, Tensor batch)
    {
        using var state = new ModelStateGuard(model);
        using var noGrad = no_grad();
        var probabilities = functional.softmax(model.call(batch), 1);
        var (values, indices) = probabilities.max(1);
        return (
            indices.data<long>().Select(i => (int)i).ToArray(),
            values.to(ScalarType.Float64).data<double>().ToArray());
    }

    private static LimeMeasurements MeasureLime(
        Module<Tensor, Tensor> model,
        IReadOnlyList<EvidencePicture> pictures,
        EvidenceSettings settings,
        IProgress<AttributionProgress>? progress)
    {
        var measured = new LimeMeasurements(pictures.Count);
        for (var i = 0; i < pictures.Count; i++)
        {
            using var scope = NewDisposeScope();
            var (picture, label, mask) = pictures[i];
            var segments = Slic.Segment(picture).Labels.ToArray();
            // The batch size changes no number (the model runs in eval mode), only the speed.
            var limeSettings = LimeSettings.Course with
            {
                Samples = settings.LimeSamples, Seed = (ulong)i, BatchSize = 100,
            };
            var explanation = LimeImage.Explain(model, picture, segments, [label], limeSettings);
            var weights = explanation[label].Weights;

            // Each pixel carries its superpixel's weight: positive and negative parts apart.
            var perPixel = tensor(segments.Select(s => (float)weights[s]).ToArray()).reshape(picture.shape[1], -1);
            measured.Positive[i] = RegionShares.Of(perPixel.clamp_min(0), mask);
            measured.Negative[i] = RegionShares.Of((-perPixel).clamp_min(0), mask);
            measured.Fit[i] = explanation[label].Score;
            measured.RowZeroAllOn &= explanation.Samples.Take(explanation.SegmentCount).All(bit => bit == 1);
            measured.GreenIsPositive &= GreenMarksPositive(picture, explanation, label);
            progress?.Report(new AttributionProgress("LIME", i + 1, pictures.Count));
        }

        return measured;
    }

    // In the course's view, every pixel of a shown positive superpixel has green at the picture's maximum.
    private static bool GreenMarksPositive(Tensor picture, LimeExplanation explanation, int label)
    {
        var (view, mask) = LimeView.ImageAndMask(picture, explanation, label);
        var top = picture.max().item<float>();
        var green = view[1].flatten().data<float>().ToArray();
        var red = view[0].flatten().data<float>().ToArray();
        var weights = explanation[label].Weights;
        for (var p = 0; p < mask.Length; p++)
        {
            var weight = weights[explanation.Segments[p]];
            if ((mask[p] == 1 && (weight <= 0 || green[p] != top)) || (mask[p] == -1 && (weight >= 0 || red[p] != top)))
            {
                return false;
            }
        }

        return true;
    }

    // Recomputes d CrossEntropy / d input directly and compares it with the method's attributions.
    private static bool SaliencyIsLossGradient(
        Module<Tensor, Tensor> model,
        Tensor batch,
        long[] labels,
        Tensor attributions)
    {
        using var state = new ModelStateGuard(model);
        using var scope = NewDisposeScope();
        var x = batch.detach().clone().requires_grad_(true);
        var loss = functional.cross_entropy(model.call(x), tensor(labels));
        var gradient = TorchSharp.torch.autograd.grad([loss], [x])[0].abs();
        var scale = gradient.abs().max().item<float>();
        return (gradient - attributions).abs().max().item<float>() <= 1e-5 * scale;
    }

    private static FilterVisualizationResult Filter(
        Module<Tensor, Tensor> model,
        int layer,
        Tensor batch,
        EvidenceSettings settings,
        IProgress<AttributionProgress>? progress) =>
        FilterVisualization.Explain(
            model,
            ModulePath.Find(model, $"cnn.{layer}"),
            batch,
            filter: 0,
            FilterVisualizationSettings.Course with { Steps = settings.FilterSteps },
            progress);

    private static IgMeasurements MeasureIntegratedGradients(
        Module<Tensor, Tensor> model,
        Tensor batch,
        long[] labels,
        EvidenceSettings settings,
        IProgress<AttributionProgress>? progress)
    {
        var few = settings.IgSteps;
        var many = settings.IgSteps * 5;
        var courseMethod = new IntegratedGradients(model, IntegratedGradientsOptions.Course with { Steps = few });
        var course = courseMethod.Attribute(batch, labels, null, progress);
        var courseMany = new IntegratedGradients(model, IntegratedGradientsOptions.Course with { Steps = many })
            .Attribute(batch, labels, null, progress);
        var paperFew = new IntegratedGradients(model, IntegratedGradientsOptions.Paper with { Steps = few })
            .Attribute(batch, labels, null, progress);
        var paperMany = new IntegratedGradients(model, IntegratedGradientsOptions.Paper with { Steps = many })
            .Attribute(batch, labels, null, progress);

        var gains = ScoreGains(model, batch, labels);
        var count = (int)batch.shape[0];
        var correlations = new double[count];
        for (var i = 0; i < count; i++)
        {
            correlations[i] = Correlation(course.Attributions[i].flatten(), courseMany.Attributions[i].flatten());
        }

        return new IgMeasurements(
            CourseMaps: course.Attributions.abs().sum(1),
            CourseSums: course.Attributions.flatten(1).sum(1).to(ScalarType.Float64).data<double>().ToArray(),
            ScoreGains: gains,
            FewStepDeltas: paperFew.ConvergenceDelta!.abs().data<double>().ToArray(),
            ManyStepDeltas: paperMany.ConvergenceDelta!.abs().data<double>().ToArray(),
            StepCorrelations: correlations,
            CourseAlphas: courseMethod.Points.Alphas);
    }

    private static double[] ScoreGains(Module<Tensor, Tensor> model, Tensor batch, long[] labels)
    {
        using var state = new ModelStateGuard(model);
        using var noGrad = no_grad();
        var index = tensor(labels).unsqueeze(1);
        var atInput = model.call(batch).gather(1, index);
        var atBlack = model.call(zeros_like(batch)).gather(1, index);
        return (atInput - atBlack).squeeze(1).to(ScalarType.Float64).data<double>().ToArray();
    }

    private static double Correlation(Tensor a, Tensor b)
    {
        var x = a.to(ScalarType.Float64) - a.to(ScalarType.Float64).mean();
        var y = b.to(ScalarType.Float64) - b.to(ScalarType.Float64).mean();
        var denominator = (x.square().sum() * y.square().sum()).sqrt().item<double>();
        return denominator > 0 ? (x * y).sum().item<double>() / denominator : 0;
    }

    private static IReadOnlyList<string> LayerTypes(Module<Tensor, Tensor> model) =>
        model.named_modules()
            .Where(m => m.name.StartsWith("cnn.", StringComparison.Ordinal) && m.name.Count(c => c == '.') == 1)
            .OrderBy(m => int.Parse(m.name[4..], System.Globalization.CultureInfo.InvariantCulture))
            .Select(m => m.module.GetType().Name)
            .ToArray();

    private sealed class LimeMeasurements(int count)
    {
        public RegionShares[] Positive { get; } = new RegionShares[count];

        public RegionShares[] Negative { get; } = new RegionShares[count];

        public double[] Fit { get; } = new double[count];

        public bool RowZeroAllOn { get; set; } = true;

        public bool GreenIsPositive { get; set; } = true;
    }

    private sealed record IgMeasurements(
        Tensor CourseMaps,
        double[] CourseSums,
        double[] ScoreGains,
        double[] FewStepDeltas,
        double[] ManyStepDeltas,
        double[] StepCorrelations,
        IReadOnlyList<double> CourseAlphas);
}
