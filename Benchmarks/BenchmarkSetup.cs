using static TorchSharp.torch;

namespace XaiReference.Benchmarks;

/// <summary>The torch settings both sides of a comparison share.</summary>
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

    /// <summary>Sets libtorch's intra-op thread count; call at the start of every global setup.</summary>
    public static void Torch() => set_num_threads(Threads);
}
