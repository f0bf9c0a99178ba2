using FluentAssertions;
using NUnit.Framework;
using XaiReference.Attribution;
using XaiReference.Numerics;
using static TorchSharp.torch;

namespace XaiReference.Specs.Attribution.Lime;

/// <summary>
/// LIME explains a picture by switching superpixels off (filling them with their mean colour) and fitting a
/// weighted linear model of the class score on which superpixels were on.
/// </summary>
public sealed class LimeImageSpecs
{
    private const int Side = 16;
    private const int Block = 4;
    private const int SegmentCount = Side / Block * (Side / Block);

    [Test]
    public void It_recovers_the_exact_weights_of_a_classifier_that_is_additive_in_superpixels()
    {
        // A linear classifier f(x) = sum_p a_p x_p. Switching superpixel s off replaces its pixels by their
        // mean m_s, so f = const + sum_s on_s * c_s with c_s = sum_{p in s} a_p (x_p - m_s): exactly additive.
        using var scope = NewDisposeScope();
        var (picture, pixels) = RandomPicture(seed: 11);
        var (classifier, a) = LinearClassifier(classes: 2, seed: 12);
        var expected = AdditiveWeights(pixels, a, target: 1);

        var explanation = LimeImage.Explain(
            classifier, picture, GridSegments(), [1], LimeSettings.Course with { RidgeAlpha = 0, Samples = 300 });

        // Float32 scores of magnitude ~10 carry errors ~1e-6; the regression amplifies them a few times.
        explanation[1].Weights.Should().Equal(expected, (got, want) => Math.Abs(got - want) < 1e-4);
        explanation[1].Score.Should().BeApproximately(1, 1e-6, "an additive model is fitted exactly");
        explanation[1].LocalPrediction.Should().BeApproximately(explanation.Outputs[1], 1e-3,
            "the surrogate at the all-on sample is the classifier's score on the picture itself");
    }

    [Test]
    public void With_the_course_penalty_the_weights_shrink_but_keep_their_ranking()
    {
        using var scope = NewDisposeScope();
        var (picture, pixels) = RandomPicture(seed: 13);
        var (classifier, a) = LinearClassifier(classes: 2, seed: 14);
        var expected = AdditiveWeights(pixels, a, target: 0);

        var fit = LimeImage.Explain(classifier, picture, GridSegments(), [0], LimeSettings.Course)[0];
        var unpenalised = LimeImage.Explain(
            classifier, picture, GridSegments(), [0], LimeSettings.Course with { RidgeAlpha = 0 })[0];

        var byTruth = Enumerable.Range(0, SegmentCount).OrderByDescending(s => Math.Abs(expected[s])).Take(5);
        fit.Ranked.Take(5).Select(f => f.Segment).Should().Equal(byTruth);
        Norm(fit.Weights).Should().BeLessThan(Norm(unpenalised.Weights),
            "on the same samples, the ridge solution is never longer than the least-squares one");
    }

    [Test]
    public void Sample_zero_is_the_picture_itself_with_distance_zero_and_weight_one()
    {
        using var scope = NewDisposeScope();
        var (picture, _) = RandomPicture(seed: 15);
        var (classifier, _) = LinearClassifier(classes: 2, seed: 16);

        var explanation = LimeImage.Explain(
            classifier, picture, GridSegments(), [0], LimeSettings.Course with { Samples = 50 });

        explanation.Samples.Take(SegmentCount).Should().OnlyContain(bit => bit == 1);
        explanation.Distances[0].Should().BeApproximately(0, 1e-12);
        explanation.KernelWeights[0].Should().BeApproximately(1, 1e-12);
    }

    [Test]
    public void Each_weight_is_the_kernel_of_the_cosine_distance_to_the_all_on_vector()
    {
        // For a 0/1 vector with k ones out of S, cos(z, 1) = k / (sqrt(k) sqrt(S)), so d = 1 - sqrt(k / S).
        using var scope = NewDisposeScope();
        var (picture, _) = RandomPicture(seed: 17);
        var (classifier, _) = LinearClassifier(classes: 2, seed: 18);

        var explanation = LimeImage.Explain(
            classifier, picture, GridSegments(), [0], LimeSettings.Course with { Samples = 100 });

        for (var i = 0; i < explanation.SampleCount; i++)
        {
            var k = explanation.Samples.Skip(i * SegmentCount).Take(SegmentCount).Count(bit => bit == 1);
            var d = k == 0 ? 1 : 1 - Math.Sqrt((double)k / SegmentCount);
            explanation.Distances[i].Should().BeApproximately(d, 1e-12);
            explanation.KernelWeights[i].Should().BeApproximately(Math.Exp(-d * d / (2 * 0.25 * 0.25)), 1e-12,
                "sqrt(exp(-d^2 / w^2)) = exp(-d^2 / (2 w^2))");
        }
    }

    [Test]
    public void A_superpixel_that_is_off_is_filled_with_its_own_mean_colour()
    {
        using var scope = NewDisposeScope();
        var (picture, pixels) = RandomPicture(seed: 19);
        var seen = new List<float[]>();
        Tensor Recording(Tensor batch)
        {
            seen.AddRange(Enumerable.Range(0, (int)batch.shape[0]).Select(i => batch[i].data<float>().ToArray()));
            return zeros(batch.shape[0], 3);
        }

        var explanation = LimeImage.Explain(
            Recording, picture, GridSegments(), [0], LimeSettings.Course with { Samples = 20 });

        var segments = GridSegments();
        for (var i = 0; i < explanation.SampleCount; i++)
        {
            for (var p = 0; p < Side * Side; p++)
            {
                var on = explanation.Samples[i * SegmentCount + segments[p]] == 1;
                for (var c = 0; c < 3; c++)
                {
                    var want = on ? pixels[c * Side * Side + p] : SegmentMean(pixels, c, segments[p]);
                    seen[i][c * Side * Side + p].Should().BeApproximately((float)want, 1e-6f);
                }
            }
        }
    }

    [Test]
    public void The_same_seed_gives_the_same_explanation_and_another_seed_another()
    {
        using var scope = NewDisposeScope();
        var (picture, _) = RandomPicture(seed: 21);
        var (classifier, _) = LinearClassifier(classes: 2, seed: 22);
        var settings = LimeSettings.Course with { Samples = 100, Seed = 5 };

        var first = LimeImage.Explain(classifier, picture, GridSegments(), [0], settings);
        var again = LimeImage.Explain(classifier, picture, GridSegments(), [0], settings);
        var other = LimeImage.Explain(classifier, picture, GridSegments(), [0], settings with { Seed = 6 });

        again.Samples.Should().Equal(first.Samples);
        again[0].Weights.Should().Equal(first[0].Weights);
        other.Samples.Should().NotEqual(first.Samples);
    }

    [Test]
    public void The_batch_size_does_not_change_the_explanation()
    {
        using var scope = NewDisposeScope();
        var (picture, _) = RandomPicture(seed: 23);
        var (classifier, _) = LinearClassifier(classes: 2, seed: 24);

        var tens = LimeImage.Explain(
            classifier, picture, GridSegments(), [0], LimeSettings.Course with { Samples = 64 });
        var sevens = LimeImage.Explain(
            classifier, picture, GridSegments(), [0], LimeSettings.Course with { Samples = 64, BatchSize = 7 });

        // A linear layer's float sums may be ordered differently per batch size: 1e-5 on weights of order 1.
        sevens[0].Weights.Should().Equal(tens[0].Weights, (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [TestCase(-1)]
    [TestCase(2)]
    public void A_target_outside_the_classifiers_outputs_is_refused(int target)
    {
        using var scope = NewDisposeScope();
        var (picture, _) = RandomPicture(seed: 25);
        var (classifier, _) = LinearClassifier(classes: 2, seed: 26);

        var act = () => LimeImage.Explain(
            classifier, picture, GridSegments(), [target], LimeSettings.Course with { Samples = 10 });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("targets")
            .WithMessage($"*must be in 0..1*{target}*");
    }

    [Test]
    public void Segments_that_do_not_cover_the_picture_are_refused()
    {
        using var scope = NewDisposeScope();
        var (picture, _) = RandomPicture(seed: 27);
        var (classifier, _) = LinearClassifier(classes: 2, seed: 28);

        var act = () => LimeImage.Explain(classifier, picture, new int[10], [0]);

        act.Should().Throw<ArgumentException>().WithParameterName("segments")
            .WithMessage("*256 segment labels, got 10*");
    }

    [Test]
    public void Fewer_than_two_samples_are_refused()
    {
        using var scope = NewDisposeScope();
        var (picture, _) = RandomPicture(seed: 29);
        var (classifier, _) = LinearClassifier(classes: 2, seed: 30);

        var act = () => LimeImage.Explain(
            classifier, picture, GridSegments(), [0], LimeSettings.Course with { Samples = 1 });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Samples");
    }

    private static double Norm(IEnumerable<double> v) => Math.Sqrt(v.Sum(x => x * x));

    internal static int[] GridSegments() =>
        Enumerable.Range(0, Side * Side).Select(p => p / Side / Block * (Side / Block) + p % Side / Block).ToArray();

    internal static (Tensor Picture, double[] Pixels) RandomPicture(ulong seed)
    {
        var random = new SplitMix64(seed);
        var pixels = Enumerable.Range(0, 3 * Side * Side).Select(_ => random.NextDouble()).ToArray();
        return (tensor(pixels.Select(v => (float)v).ToArray()).reshape(3, Side, Side), pixels);
    }

    internal static (Func<Tensor, Tensor> Classifier, double[] Weights) LinearClassifier(int classes, ulong seed)
    {
        var random = new SplitMix64(seed);
        var a = Enumerable.Range(0, classes * 3 * Side * Side).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var matrix = tensor(a.Select(v => (float)v).ToArray()).reshape(classes, -1);
        return (batch => batch.flatten(1).matmul(matrix.t()), a);
    }

    private static double[] AdditiveWeights(double[] pixels, double[] a, int target)
    {
        var segments = GridSegments();
        var weights = new double[SegmentCount];
        var offset = target * 3 * Side * Side;
        for (var c = 0; c < 3; c++)
        {
            for (var p = 0; p < Side * Side; p++)
            {
                var i = c * Side * Side + p;
                weights[segments[p]] += a[offset + i] * (pixels[i] - SegmentMean(pixels, c, segments[p]));
            }
        }

        return weights;
    }

    private static double SegmentMean(double[] pixels, int channel, int segment)
    {
        var segments = GridSegments();
        var members = Enumerable.Range(0, Side * Side).Where(p => segments[p] == segment).ToArray();
        return members.Average(p => pixels[channel * Side * Side + p]);
    }
}
