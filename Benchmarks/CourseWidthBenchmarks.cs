using BenchmarkDotNet.Attributes;

namespace XaiReference.Benchmarks;

/// <summary>
/// The image methods at the course network's width (random weights), for one picture. A full run of the
/// course's settings at this width takes hours on two cores, so the many-pass methods run fewer passes
/// than the course and their time per pass is what to read: SmoothGrad 10 of 500 samples, LIME 20 of 1000
/// samples, filter visualisation 5 of 100 steps on the ten pictures. Saliency and the course's Integrated
/// Gradients run in full; the paper's 50-step Integrated Gradients (about a minute a call here) does not run
/// at this width. One warm-up and three measured calls (<see cref="CourseWidthConfig"/>).
/// </summary>
[Config(typeof(CourseWidthConfig))]
public class CourseWidthBenchmarks
{
    private ImageWorkload workload = null!;

    /// <summary>Builds the network and loads the pictures.</summary>
    [GlobalSetup]
    public void Setup()
    {
        BenchmarkSetup.Torch();
        workload = ImageWorkload.CourseWidth();
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

    /// <summary>Course SmoothGrad, 10 samples (the course: 500).</summary>
    [Benchmark]
    public void SmoothGrad10() => workload.SmoothGrad(10);

    /// <summary>Course Integrated Gradients, 10 steps.</summary>
    [Benchmark]
    public void IntegratedGradientsCourse() => workload.IntegratedGradientsCourse();

    /// <summary>Course LIME, 20 samples (the course: 1000).</summary>
    [Benchmark]
    public void Lime20() => workload.Lime(20);

    /// <summary>The classifier's share of <see cref="Lime20"/>.</summary>
    [Benchmark]
    public void Lime20ClassifierOnly() => workload.LimeClassifierOnly(20);

    /// <summary>Filter visualisation of cnn[6] filter 0, 5 Adam steps on the ten pictures (course: 100).</summary>
    [Benchmark]
    public void FilterVisualization5() => workload.FilterVisualization(5, 10);
}
