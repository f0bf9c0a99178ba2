using BenchmarkDotNet.Attributes;

namespace XaiReference.Benchmarks;

/// <summary>
/// Each image method at the course's settings on the trained slim fixture network, for one picture
/// (filter visualisation: the ten pictures as one batch, as the course runs it). Ratio: to one forward and
/// backward pass of the same picture at batch 1.
/// </summary>
[Config(typeof(ShortConfig))]
public class SlimNetworkBenchmarks
{
    private ImageWorkload workload = null!;

    /// <summary>Loads the network and the pictures.</summary>
    [GlobalSetup]
    public void Setup()
    {
        BenchmarkSetup.Torch();
        workload = ImageWorkload.Slim();
    }

    /// <summary>Frees the network and the pictures.</summary>
    [GlobalCleanup]
    public void Cleanup() => workload.Dispose();

    /// <summary>The reference point: one forward and backward pass at batch 1.</summary>
    [Benchmark(Baseline = true)]
    public void ForwardBackward() => workload.ForwardBackward();

    /// <summary>One forward pass at batch 1, no gradient.</summary>
    [Benchmark]
    public void Forward() => workload.Forward();

    /// <summary>Course saliency.</summary>
    [Benchmark]
    public void Saliency() => workload.Saliency();

    /// <summary>Course SmoothGrad, 500 samples.</summary>
    [Benchmark]
    public void SmoothGrad500() => workload.SmoothGrad(500);

    /// <summary>Course Integrated Gradients, 10 steps.</summary>
    [Benchmark]
    public void IntegratedGradientsCourse() => workload.IntegratedGradientsCourse();

    /// <summary>Paper Integrated Gradients, 50 steps, 10 points a pass (the default).</summary>
    [Benchmark]
    public void IntegratedGradients50() => workload.IntegratedGradients50();

    /// <summary>SLIC at the course's settings.</summary>
    [Benchmark]
    public int[] Slic() => workload.Slic();

    /// <summary>Course LIME, 1000 samples.</summary>
    [Benchmark]
    public void Lime1000() => workload.Lime(1000);

    /// <summary>The classifier's share of <see cref="Lime1000"/>.</summary>
    [Benchmark]
    public void Lime1000ClassifierOnly() => workload.LimeClassifierOnly(1000);

    /// <summary>Everything of <see cref="Lime1000"/> but the network: LIME's own machinery.</summary>
    [Benchmark]
    public void Lime1000MachineryOnly() => workload.LimeMachineryOnly(1000);

    /// <summary>Course filter visualisation: cnn[6] filter 0, 100 Adam steps on the ten pictures.</summary>
    [Benchmark]
    public void FilterVisualization100() => workload.FilterVisualization(100, 10);
}
