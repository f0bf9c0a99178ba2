using NUnit.Framework;
using XaiReference.Attribution;
using XaiReference.Specs.Support.Models;
using static TorchSharp.torch;

namespace XaiReference.Specs.Attribution;

/// <summary>IG depends only on the function the network computes, and not on how its work is batched.</summary>
[TestFixture]
public sealed class IntegratedGradientsInvariances
{
    [Test]
    public void Two_networks_computing_the_same_function_get_the_same_attributions()
    {
        // Network B scales the hidden layer of A by 3 and its outgoing weights by 1/3 (ReLU(3 u) = 3 ReLU(u)), and
        // splits each hidden unit in two halves with the same inputs: different weights, twice the width, the
        // same function. IG uses only the function's gradients, so the attributions agree.
        using var scope = NewDisposeScope();
        using var generator = new Generator(11);
        var w1 = randn([6, 12], generator: generator);
        var b1 = randn([6], generator: generator);
        var w2 = randn([3, 6], generator: generator);
        var b2 = randn([3], generator: generator);
        var a = new ReluMlp(w1, b1, w2, b2);
        var b = new ReluMlp(cat([3 * w1, 3 * w1]), cat([3 * b1, 3 * b1]), cat([w2 / 6, w2 / 6], 1), b2);
        var input = SpecPictures.Uniform(seed: 3, n: 2, channels: 3, side: 2);

        using var fromA = new IntegratedGradients(a).Attribute(input, [0, 2]);
        using var fromB = new IntegratedGradients(b).Attribute(input, [0, 2]);

        // Both are float32 sums of the same 50 terms computed along different routes: agreement to 1e-5 of the
        // largest attribution is rounding, while a method that looked at weights (not gradients) would differ by O(1).
        var scale = fromA.Attributions.MaxAbs();
        fromB.Attributions.ShouldBeClose(fromA.Attributions, 1e-5 * scale, 0, "the networks are the same function");
    }

    [Test]
    public void Internal_batch_sizes_1_7_and_50_give_the_same_attributions()
    {
        using var scope = NewDisposeScope();
        var model = new TinyCnn(seed: 5);
        var input = SpecPictures.Uniform(seed: 4, n: 2);

        Tensor Attributions(int batch)
        {
            var options = new IntegratedGradientsOptions { InternalBatchSize = batch };
            using var result = new IntegratedGradients(model, options).Attribute(input, [1, 3]);
            return result.Attributions.clone();
        }

        var reference = Attributions(50);

        // Batching changes only the order of float32 additions (and perhaps the convolution kernel): a relative
        // error of a few 1e-7 per term over 50 terms, so 1e-5 of the largest attribution.
        var tolerance = 1e-5 * reference.MaxAbs();
        Attributions(1).ShouldBeClose(reference, tolerance, 0, "batches of 1 path point vs 50");
        Attributions(7).ShouldBeClose(reference, tolerance, 0, "batches of 7 cut pictures' paths mid-way");
    }
}
