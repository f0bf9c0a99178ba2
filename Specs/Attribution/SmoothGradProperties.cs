using FluentAssertions;
using NUnit.Framework;
using XaiReference.Attribution;
using XaiReference.Specs.Support.Models;
using static TorchSharp.torch;

namespace XaiReference.Specs.Attribution;

/// <summary>SmoothGrad is the saliency map averaged over noisy copies of the picture.</summary>
[TestFixture]
public sealed class SmoothGradProperties
{
    [Test]
    public void Without_noise_the_paper_variant_is_the_saliency_map()
    {
        using var scope = NewDisposeScope();
        var model = new TinyCnn(seed: 2);
        var input = SpecPictures.Uniform(seed: 5, n: 2);
        var quiet = SmoothGradOptions.Paper with { NoiseLevel = 0, Samples = 3 };

        using var smooth = new SmoothGrad(model, quiet).Attribute(input, [1, 4]);
        using var saliency = new Saliency(model).Attribute(input, [1, 4]);

        // Three equal gradients averaged. They go through the model as a batch of 3 against a batch of 2, which may
        // pick other float32 kernels: relative 1e-5 covers that rounding, a real difference is of order 1.
        smooth.Attributions.abs().ShouldBeClose(saliency.Attributions, 1e-8, 1e-5, "mean of 3 equal gradients");
        smooth.Map.ShouldBeClose(saliency.Map, 1e-8, 1e-5, "both maps take max |.| over channels");
    }

    [Test]
    public void Without_noise_the_course_variant_is_the_course_saliency_of_a_single_picture()
    {
        using var scope = NewDisposeScope();
        var model = new TinyCnn(seed: 2);
        var input = SpecPictures.Uniform(seed: 5);
        var quiet = SmoothGradOptions.Course with { NoiseLevel = 0, Samples = 3 };

        using var smooth = new SmoothGrad(model, quiet).Attribute(input, [1]);
        using var saliency = new Saliency(model, SaliencyOptions.Course).Attribute(input, [1]);

        smooth.Attributions.ShouldBeClose(
            saliency.Attributions,
            1e-8,
            1e-5, // batch of 3 against batch of 1: float32 kernel rounding, as above
            "mean |dL/dx| of 3 noiseless copies = |dL/dx| (N = 1, so the batch mean is the loss itself)");
    }

    [Test]
    public void The_same_seed_gives_the_identical_result_and_another_seed_a_different_one()
    {
        using var scope = NewDisposeScope();
        var model = new TinyCnn(seed: 2);
        var input = SpecPictures.Uniform(seed: 5);
        var options = SmoothGradOptions.Paper with { Samples = 8 };

        using var first = new SmoothGrad(model, options).Attribute(input, [0]);
        using var again = new SmoothGrad(model, options).Attribute(input, [0]);
        using var other = new SmoothGrad(model, options with { Seed = 1 }).Attribute(input, [0]);

        Identical(first.Attributions, again.Attributions).Should().BeTrue("the noise depends on the seed alone");
        Identical(first.Attributions, other.Attributions).Should().BeFalse("another seed draws other noise");
    }

    [Test]
    public void The_internal_batch_size_does_not_change_the_result()
    {
        // Each sample's noise comes from its own seed (run seed, picture, sample), so batching regroups the same
        // noisy copies; only the order of float32 additions (and perhaps convolution kernels) changes.
        using var scope = NewDisposeScope();
        var model = new TinyCnn(seed: 2);
        var input = SpecPictures.Uniform(seed: 5, n: 2);

        Tensor Attributions(int batch)
        {
            var options = SmoothGradOptions.Paper with { Samples = 20, InternalBatchSize = batch };
            using var result = new SmoothGrad(model, options).Attribute(input, [0, 3]);
            return result.Attributions.clone();
        }

        var reference = Attributions(50);
        var tolerance = 1e-5 * reference.MaxAbs();
        Attributions(1).ShouldBeClose(reference, tolerance, 0, "one sample a batch vs all 40 at once");
        Attributions(7).ShouldBeClose(reference, tolerance, 0, "batches of 7 straddle the two pictures");
    }

    [Test]
    public void The_run_to_run_spread_shrinks_as_the_samples_grow()
    {
        // The map is a mean of independent samples, so its standard deviation over seeds falls like 1/sqrt(n):
        // 16 times the samples should divide it by about 4. Asking for a factor 2 leaves room for estimating
        // a spread from 6 seeds.
        using var scope = NewDisposeScope();
        var model = new TinyCnn(seed: 2);
        var input = SpecPictures.Uniform(seed: 5);

        double Spread(int samples)
        {
            var maps = Enumerable.Range(0, 6).Select(seed =>
            {
                var options = SmoothGradOptions.Paper with { Samples = samples, Seed = seed, InternalBatchSize = 64 };
                using var result = new SmoothGrad(model, options).Attribute(input, [1]);
                return result.Attributions.clone();
            }).ToList();

            // [6, 1, 3, H, W] -> per-element std over seeds -> mean.
            return stack(maps).std(0).mean().item<float>();
        }

        var few = Spread(4);
        var many = Spread(64);
        TestContext.Out.WriteLine(
            $"mean std over 6 seeds: {few:G3} with 4 samples, {many:G3} with 64 (ratio {few / many:F2})");

        many.Should().BeLessThan(few / 2, "averaging 16 times more samples cuts the spread by about 4");
    }

    [Test]
    public void Progress_is_reported_after_each_batch_up_to_the_total()
    {
        using var scope = NewDisposeScope();
        var model = new TinyCnn(seed: 2);
        var input = SpecPictures.Uniform(seed: 5, n: 2);
        var options = SmoothGradOptions.Paper with { Samples = 5, InternalBatchSize = 4 };
        var reports = new List<AttributionProgress>();

        using var result = new SmoothGrad(model, options).Attribute(input, [0, 1], new ListProgress(reports));

        reports.Select(r => r.Completed).Should().Equal([4L, 8L, 10L], "10 samples in batches of 4");
        reports.Should().OnlyContain(r => r.Total == 10 && r.Method == "SmoothGrad");
    }

    private static bool Identical(Tensor a, Tensor b) => (a == b).all().item<bool>();

    private sealed class ListProgress(List<AttributionProgress> reports) : IProgress<AttributionProgress>
    {
        public void Report(AttributionProgress value) => reports.Add(value);
    }
}
