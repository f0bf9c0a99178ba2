using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace XaiReference.Attribution;

/// <summary>
/// SmoothGrad: input gradients averaged over noisy copies of the picture, which removes much of the
/// speckle of a plain saliency map (Smilkov, Thorat, Kim, Viegas and Wattenberg 2017,
/// "SmoothGrad: removing noise by adding noise", arXiv:1706.03825).
/// </summary>
/// <remarks>
/// <para>Attributions are the mean over <see cref="SmoothGradOptions.Samples"/> samples x + e,
/// e ~ N(0, std^2), of the gradient, its absolute value or its square (<see cref="SmoothGradAggregation"/>),
/// the same shape as the inputs.</para>
/// <para>The course departs from the paper in three ways (<see cref="SmoothGradOptions.Course"/>): it
/// differentiates the cross-entropy loss, averages absolute gradients, and computes
/// sigma = 0.4 / (max - min) but passes sigma squared to <c>normal_</c> as the standard deviation, so its
/// noise is far smaller than the paper's 10-20% of the range. That quirk is reproduced.</para>
/// <para>Noise: sample s of picture n is drawn from a generator seeded from
/// (<see cref="SmoothGradOptions.Seed"/>, n, s) alone, so the result does not depend on the internal batch
/// size nor on the other pictures in the batch.</para>
/// </remarks>
public sealed class SmoothGrad : IAttributionMethod
{
    private readonly Module<Tensor, Tensor> model;

    /// <summary>Binds the method to a classifier.</summary>
    /// <param name="model">Classifier, [N, C, H, W] -> [N, K] logits.</param>
    /// <param name="options">Settings; <see cref="SmoothGradOptions.Paper"/> when null.</param>
    public SmoothGrad(Module<Tensor, Tensor> model, SmoothGradOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        this.model = model;
        Options = options ?? SmoothGradOptions.Paper;
    }

    /// <summary>The settings in use.</summary>
    public SmoothGradOptions Options { get; }

    /// <inheritdoc />
    public string Name => "SmoothGrad";

    /// <inheritdoc />
    public AttributionResult Attribute(Tensor inputs, IReadOnlyList<long> target) => Attribute(inputs, target, null);

    /// <summary>Explains each picture for its target class, reporting progress after each internal batch.</summary>
    /// <param name="inputs">Pictures, [N, C, H, W], finite floats; the course's rule needs max > min in each.</param>
    /// <param name="target">One class index per picture.</param>
    /// <param name="progress">Told the number of samples evaluated so far; may be null.</param>
    /// <returns>
    /// Mean (absolute or squared) gradients, the same shape as <paramref name="inputs"/>, and the map.
    /// </returns>
    public AttributionResult Attribute(
        Tensor inputs,
        IReadOnlyList<long> target,
        IProgress<AttributionProgress>? progress)
    {
        AttributionGuard.Inputs(inputs, Options.Channels);
        AttributionGuard.TargetCount(target, inputs.shape[0]);
        var deviations = NoiseDeviations(inputs);

        using var state = new ModelStateGuard(model);
        using var scope = NewDisposeScope();
        using var generator = new Generator();

        var pictures = inputs.shape[0];
        var samples = Options.Samples;
        var total = pictures * samples;
        var pictureShape = inputs.shape[1..];
        var x = inputs.detach();
        var targets = tensor(target.ToArray(), ScalarType.Int64);
        var sums = zeros_like(x);

        // Flat sample j belongs to picture j / samples; internal batches run over j.
        for (long start = 0; start < total; start += Options.InternalBatchSize)
        {
            using var batchScope = NewDisposeScope();
            var length = Math.Min(Options.InternalBatchSize, total - start);

            // [B] picture indices; [B, C, H, W] noise, each sample drawn from its own seed.
            var owners = arange(start, start + length, ScalarType.Int64)
                .div(samples, rounding_mode: RoundingMode.floor);
            var noise = stack(Enumerable.Range(0, (int)length).Select(offset =>
            {
                var j = start + offset;
                generator.manual_seed(SampleSeed(Options.Seed, j / samples, j % samples));
                return randn(pictureShape, dtype: x.dtype, generator: generator) * deviations[j / samples];
            }));

            var noisy = x.index_select(0, owners) + noise;
            var batchTargets = targets.index_select(0, owners);
            var gradient = Gradients.Of(model, noisy, logits => Objective(logits, batchTargets, target));
            sums.index_add_(0, owners, Aggregate(gradient), 1);

            progress?.Report(new AttributionProgress(Name, start + length, total));
        }

        // [N, C, H, W] sums -> means -> [N, H, W] map.
        var attributions = sums / samples;
        var map = AttributionMaps.Render(attributions, Options.Map);
        return new AttributionResult(
            inputs, target, attributions.MoveToOuterDisposeScope(), map.MoveToOuterDisposeScope());
    }

    private double[] NoiseDeviations(Tensor inputs)
    {
        using var scope = NewDisposeScope();
        var rows = inputs.detach().flatten(1).to(ScalarType.Float64);
        var ranges = (rows.amax([1]) - rows.amin([1])).data<double>().ToArray();
        var deviations = new double[ranges.Length];
        for (var n = 0; n < ranges.Length; n++)
        {
            if (Options.Noise == SmoothGradNoise.CourseSquaredInverseRange && ranges[n] == 0)
            {
                throw new ArgumentException(
                    $"The course's noise rule divides by max - min, but picture {n} of the inputs is constant.",
                    nameof(inputs));
            }

            deviations[n] = Options.NoiseStandardDeviation(ranges[n]);
        }

        return deviations;
    }

    private Tensor Objective(Tensor logits, Tensor targets, IReadOnlyList<long> target)
    {
        AttributionGuard.TargetRange(target, logits.shape[1]);
        return Options.Objective switch
        {
            AttributionObjective.TargetLogit => Gradients.SelectedLogits(logits, targets),

            // Summed, not averaged: each sample's gradient is that of its own loss, as with one sample a pass.
            AttributionObjective.CrossEntropyLoss =>
                functional.cross_entropy(logits, targets, reduction: Reduction.Sum),
            _ => throw new InvalidOperationException($"Unknown objective {Options.Objective}."),
        };
    }

    private Tensor Aggregate(Tensor gradient) => Options.Aggregation switch
    {
        SmoothGradAggregation.Gradient => gradient,
        SmoothGradAggregation.AbsoluteGradient => gradient.abs(),
        SmoothGradAggregation.SquaredGradient => gradient.square(),
        _ => throw new InvalidOperationException($"Unknown aggregation {Options.Aggregation}."),
    };

    /// <summary>
    /// A seed for one sample, mixed from the run's seed, the picture and the sample (SplitMix64 steps).
    /// </summary>
    private static long SampleSeed(long seed, long picture, long sample)
    {
        var state = unchecked((ulong)seed);
        state = Mix(state ^ Mix(unchecked((ulong)picture + 0x9E3779B97F4A7C15UL)));
        state = Mix(state ^ Mix(unchecked((ulong)sample + 0xD1B54A32D192ED03UL)));
        return unchecked((long)(state >> 1));
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
