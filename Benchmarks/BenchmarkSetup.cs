using Microsoft.ML.OnnxRuntime;
using XaiReference.Platform;
using static TorchSharp.torch;

namespace XaiReference.Benchmarks;

/// <summary>The torch settings both sides of a comparison share, and the allocator setting of ours.</summary>
public static class BenchmarkSetup
{
    /// <summary>
    /// Threads given to libtorch's intra-op pool, here and in the Python baseline: 2, or the value of the
    /// environment variable <c>XAI_BENCH_THREADS</c>.
    /// </summary>
    public static int Threads { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("XAI_BENCH_THREADS"), out var threads) && threads > 0
            ? threads
            : 2;

    /// <summary>
    /// Whether this side keeps freed native memory for reuse, as the grader does
    /// (<see cref="NativeAllocator.RetainFreedMemory"/>): yes, unless the environment variable
    /// <c>XAI_BENCH_ALLOCATOR</c> is <c>system</c>, which measures glibc's defaults instead.
    /// </summary>
    public static bool RetainsFreedMemory { get; } =
        !string.Equals(Environment.GetEnvironmentVariable("XAI_BENCH_ALLOCATOR"), "system",
            StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether our network runs its trunk channels-last (<see cref="Models.CourseClassifier.ChannelsLast"/>, its
    /// default): yes, unless the environment variable <c>XAI_BENCH_LAYOUT</c> is <c>nchw</c>, which measures the
    /// plain layout instead.
    /// </summary>
    public static bool ChannelsLast { get; } =
        !string.Equals(Environment.GetEnvironmentVariable("XAI_BENCH_LAYOUT"), "nchw",
            StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether our network folds each BatchNorm2d into the convolution before it
    /// (<see cref="Models.CourseClassifier.FoldBatchNorm"/>, its default): yes, unless the environment variable
    /// <c>XAI_BENCH_FOLD</c> is <c>off</c>, which measures the unfolded network instead.
    /// </summary>
    public static bool FoldBatchNorm { get; } =
        !string.Equals(Environment.GetEnvironmentVariable("XAI_BENCH_FOLD"), "off",
            StringComparison.OrdinalIgnoreCase);

    /// <summary>Gives <paramref name="model"/> this run's layout and folding settings.</summary>
    /// <param name="model">The classifier a workload runs.</param>
    public static void Apply(Models.CourseClassifier model)
    {
        model.ChannelsLast = ChannelsLast;
        model.FoldBatchNorm = FoldBatchNorm;
    }

    /// <summary>
    /// ONNX Runtime's options for every comparison: <see cref="Threads"/> intra-op threads and one inter-op thread,
    /// otherwise its defaults (a spinning pool). The caller owns and disposes them.
    /// </summary>
    public static SessionOptions OnnxSessionOptions() =>
        new() { IntraOpNumThreads = Threads, InterOpNumThreads = 1 };

    /// <summary>
    /// Sets libtorch's intra-op thread count and the allocator; call at the start of every global setup.
    /// </summary>
    public static void Torch()
    {
        if (RetainsFreedMemory)
        {
            NativeAllocator.RetainFreedMemory();
        }

        set_num_threads(Threads);
    }
}
