using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace XaiReference.Benchmarks;

/// <summary>
/// The job every benchmark runs under unless it says otherwise, with the memory diagnoser and a JSON export
/// for scripts/benchmark.sh.
/// </summary>
/// <remarks>
/// Most benchmarks take from a tenth of a second to tens of seconds per call, so the default job (pilot
/// stage, 15 or more iterations, several launches) would run for hours on two cores. This job calls each
/// benchmark once per iteration (BenchmarkDotNet's monitoring strategy): <see cref="WarmupCount"/> warm-up
/// call, then <see cref="IterationCount"/> measured calls, in this process (the in-process toolchain, so
/// TorchSharp's native library loads once and no project is generated and rebuilt). Read the median.
/// The memory diagnoser counts managed allocations only; libtorch's native memory is measured by the
/// <c>memory</c> command (<see cref="PeakMemory"/>).
/// </remarks>
public class ShortConfig : ManualConfig
{
    /// <summary>Warm-up calls before the measured ones.</summary>
    public const int WarmupCount = 1;

    /// <summary>Measured calls per benchmark.</summary>
    public const int IterationCount = 5;

    /// <summary>The short job with <see cref="WarmupCount"/> and <see cref="IterationCount"/>.</summary>
    public ShortConfig()
        : this(WarmupCount, IterationCount)
    {
    }

    /// <summary>A monitoring job with the given counts.</summary>
    /// <param name="warmups">Warm-up calls.</param>
    /// <param name="iterations">Measured calls.</param>
    protected ShortConfig(int warmups, int iterations)
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(warmups)
            .WithIterationCount(iterations)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddExporter(JsonExporter.Full);
    }
}
