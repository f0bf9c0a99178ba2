using TorchSharp;
using XaiReference.Numerics;
using static TorchSharp.torch;

namespace XaiReference.Attribution;

/// <summary>
/// LIME for images (Ribeiro, Singh and Guestrin 2016, "Why Should I Trust You?",
/// https://arxiv.org/abs/1602.04938), as the lime package's image explainer runs it.
/// </summary>
/// <remarks>
/// The picture is cut into superpixels. Each sample switches every superpixel on or off at random
/// (sample 0 keeps all on); an off superpixel is filled with its own mean colour. The classifier scores
/// every perturbed picture; each sample is weighed by sqrt(exp(-d^2 / w^2)) of the cosine distance d of
/// its on/off vector to the all-on vector; a weighted ridge regression of the class's score on the on/off
/// vectors gives one weight per superpixel. The course's classifier returns raw logits, so the surrogate
/// explains logits, not probabilities. The on/off draws use this project's seeded generator, not NumPy's,
/// so explanations repeat for a seed but do not equal the Python package's draw for draw.
/// </remarks>
public static class LimeImage
{
    /// <summary>Explains a model's classification of a picture by its superpixels.</summary>
    /// <remarks>The model runs in eval mode under no_grad; its state is restored afterwards.</remarks>
    /// <param name="model">Maps [B, 3, H, W] pictures to [B, K] scores (the course's classifier: logits).</param>
    /// <param name="picture">[3, H, W] picture, as the model takes it.</param>
    /// <param name="segments">Superpixel label of every pixel, row-major H x W, in 0 .. count - 1.</param>
    /// <param name="targets">Classes to explain, each in 0 .. K - 1.</param>
    /// <param name="settings">Samples, batch size, kernel width, penalty and seed; the course's by default.</param>
    /// <param name="progress">Receives the number of samples scored so far.</param>
    /// <param name="cancellationToken">Stops between classifier batches.</param>
    public static LimeExplanation Explain(
        nn.Module<Tensor, Tensor> model,
        Tensor picture,
        IReadOnlyList<int> segments,
        IReadOnlyList<int> targets,
        LimeSettings? settings = null,
        IProgress<AttributionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var state = new ModelStateGuard(model);
        return Explain(model.call, picture, segments, targets, settings, progress, cancellationToken);
    }

    /// <summary>Explains a picture's classification by its superpixels.</summary>
    /// <param name="classifier">Maps [B, 3, H, W] pictures to [B, K] scores; called under no_grad.</param>
    /// <param name="picture">[3, H, W] picture, as the classifier takes it.</param>
    /// <param name="segments">Superpixel label of every pixel, row-major H x W, in 0 .. count - 1.</param>
    /// <param name="targets">Classes to explain, each in 0 .. K - 1.</param>
    /// <param name="settings">Samples, batch size, kernel width, penalty and seed; the course's by default.</param>
    /// <param name="progress">Receives the number of samples scored so far.</param>
    /// <param name="cancellationToken">Stops between classifier batches.</param>
    public static LimeExplanation Explain(
        Func<Tensor, Tensor> classifier,
        Tensor picture,
        IReadOnlyList<int> segments,
        IReadOnlyList<int> targets,
        LimeSettings? settings = null,
        IProgress<AttributionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(targets);
        settings ??= LimeSettings.Course;
        settings.Validate();
        var (height, width, segmentCount) = CheckPicture(picture, segments);
        if (targets.Count == 0)
        {
            throw new ArgumentException("At least one class to explain is needed.", nameof(targets));
        }

        var samples = DrawSamples(settings.Samples, segmentCount, settings.Seed);
        var (distances, kernelWeights) = WeighSamples(samples, settings.Samples, segmentCount, settings.KernelWidth);
        var (outputs, classCount) = ScoreSamples(
            classifier, picture, segments, samples, segmentCount, settings, progress, cancellationToken);

        foreach (var target in targets)
        {
            if (target < 0 || target >= classCount)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(targets),
                    target,
                    $"The classifier has {classCount} outputs: a target must be in 0..{classCount - 1}.");
            }
        }

        var design = new double[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            design[i] = samples[i];
        }

        var fits = new Dictionary<int, LimeFit>();
        foreach (var target in targets.Distinct())
        {
            fits[target] = FitSurrogate(
                design, segmentCount, outputs, classCount, target, kernelWeights, settings.RidgeAlpha);
        }

        return new LimeExplanation(
            width,
            height,
            segments.ToArray(),
            segmentCount,
            samples,
            distances,
            kernelWeights,
            outputs,
            classCount,
            fits);
    }

    private static (int Height, int Width, int SegmentCount) CheckPicture(Tensor picture, IReadOnlyList<int> segments)
    {
        if (picture.dim() != 3 || picture.shape[0] != 3)
        {
            throw new ArgumentException(
                $"Expected a picture shaped [3, H, W], got [{string.Join(", ", picture.shape)}].", nameof(picture));
        }

        var height = (int)picture.shape[1];
        var width = (int)picture.shape[2];
        if (segments.Count != height * width)
        {
            throw new ArgumentException(
                $"Expected {height} x {width} = {height * width} segment labels, got {segments.Count}.",
                nameof(segments));
        }

        var count = 0;
        foreach (var label in segments)
        {
            if (label < 0)
            {
                throw new ArgumentException($"Segment labels must be 0 or more, found {label}.", nameof(segments));
            }

            count = Math.Max(count, label + 1);
        }

        return (height, width, count);
    }

    // Row-major [samples, segments] bits; row 0 all on, as lime does.
    private static byte[] DrawSamples(int sampleCount, int segmentCount, ulong seed)
    {
        var random = new SplitMix64(seed);
        var samples = new byte[sampleCount * segmentCount];
        samples.AsSpan(0, segmentCount).Fill(1);
        for (var i = segmentCount; i < samples.Length; i++)
        {
            samples[i] = (byte)random.NextBit();
        }

        return samples;
    }

    private static (double[] Distances, double[] Weights) WeighSamples(
        byte[] samples, int sampleCount, int segmentCount, double kernelWidth)
    {
        var allOn = new double[segmentCount];
        allOn.AsSpan().Fill(1);
        var row = new double[segmentCount];
        var distances = new double[sampleCount];
        var weights = new double[sampleCount];
        for (var i = 0; i < sampleCount; i++)
        {
            for (var j = 0; j < segmentCount; j++)
            {
                row[j] = samples[i * segmentCount + j];
            }

            distances[i] = LimeKernel.CosineDistance(row, allOn);
            weights[i] = LimeKernel.Weight(distances[i], kernelWidth);
        }

        return (distances, weights);
    }

    private static (float[] Outputs, int ClassCount) ScoreSamples(
        Func<Tensor, Tensor> classifier,
        Tensor picture,
        IReadOnlyList<int> segments,
        byte[] samples,
        int segmentCount,
        LimeSettings settings,
        IProgress<AttributionProgress>? progress,
        CancellationToken cancellationToken)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();

        // Mean colour of each superpixel fills it when it is off: fudged [3, H*W].
        var flat = picture.detach().to(ScalarType.Float32).reshape(3, -1);
        var segmentIndex = tensor(segments.Select(s => (long)s).ToArray(), device: picture.device);
        var sums = zeros(3, segmentCount, device: picture.device).index_add(1, segmentIndex, flat, 1);
        var counts = zeros(segmentCount, device: picture.device)
            .index_add(0, segmentIndex, ones(segmentIndex.shape[0], device: picture.device), 1);
        var fudged = (sums / counts.clamp_min(1)).index_select(1, segmentIndex);

        var sampleCount = settings.Samples;
        var onOff = tensor(samples, ScalarType.Byte, device: picture.device)
            .reshape(sampleCount, segmentCount).to(ScalarType.Float32);
        var batches = new List<Tensor>();
        for (var start = 0; start < sampleCount; start += settings.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var batchScope = NewDisposeScope();
            var count = Math.Min(settings.BatchSize, sampleCount - start);

            // [B, S] on/off -> [B, 1, H*W] pixel mask -> [B, 3, H, W] perturbed pictures.
            var mask = onOff.narrow(0, start, count).index_select(1, segmentIndex).unsqueeze(1);
            var perturbed = (mask * flat + (1 - mask) * fudged).reshape(count, picture.shape[0], picture.shape[1], -1);
            var scores = classifier(perturbed.to(picture.dtype));
            if (scores.dim() != 2 || scores.shape[0] != count)
            {
                throw new InvalidOperationException(
                    $"The classifier must return [batch, classes]; for a batch of {count} it returned " +
                    $"[{string.Join(", ", scores.shape)}].");
            }

            batches.Add(scores.detach().to(ScalarType.Float32).cpu().MoveToOuterDisposeScope());
            progress?.Report(new AttributionProgress("LIME", start + count, sampleCount));
        }

        var all = cat(batches, 0);
        return (all.data<float>().ToArray(), (int)all.shape[1]);
    }

    private static LimeFit FitSurrogate(
        double[] design,
        int segmentCount,
        float[] outputs,
        int classCount,
        int target,
        double[] kernelWeights,
        double alpha)
    {
        var sampleCount = kernelWeights.Length;
        var scores = new double[sampleCount];
        for (var i = 0; i < sampleCount; i++)
        {
            scores[i] = outputs[i * classCount + target];
        }

        var ridge = WeightedRidge.Fit(design, segmentCount, scores, kernelWeights, alpha);
        var score = ridge.Score(design, scores, kernelWeights);
        var local = ridge.Predict(design.AsSpan(0, segmentCount));
        return new LimeFit(target, ridge.Coefficients.ToArray(), ridge.Intercept, score, local);
    }
}
