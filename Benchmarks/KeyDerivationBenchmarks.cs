using BenchmarkDotNet.Attributes;
using XaiReference.Grader.Quiz;
using XaiReference.Grader.Quiz.Evidence;

namespace XaiReference.Benchmarks;

/// <summary>
/// Deriving the quiz key from the embedded default fixtures with the grader's quick settings (LIME 200
/// samples, SmoothGrad 40, filter visualisation 30 steps; IG 10 steps): cold, every measurement taken in
/// an empty cache; warm, read from a filled cache. A cold run at the course's settings takes minutes; see
/// docs/benchmarks.md for how it relates.
/// </summary>
[Config(typeof(ColdConfig))]
public class KeyDerivationBenchmarks
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"xai-bench-cache-{Environment.ProcessId}");
    private QuizInputs inputs = null!;
    private EvidenceCache warmCache = null!;
    private EvidenceCache coldCache = null!;
    private int coldRuns;

    /// <summary>Reads the fixtures and fills the warm cache once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        BenchmarkSetup.Torch();
        inputs = QuizInputs.Default();
        warmCache = new EvidenceCache(Path.Combine(root, "warm"));
        KeyDerivation.Derive(inputs, warmCache, EvidenceSettings.Quick);
    }

    /// <summary>A fresh, empty cache for the next cold call.</summary>
    [IterationSetup(Target = nameof(Cold))]
    public void EmptyCache() => coldCache = new EvidenceCache(Path.Combine(root, $"cold-{coldRuns++}"));

    /// <summary>Removes every cache folder this run made.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Nothing cached: every method runs on the ten pictures, then BERT on the texts.</summary>
    [Benchmark]
    public DerivedKey Cold() => KeyDerivation.Derive(inputs, coldCache, EvidenceSettings.Quick);

    /// <summary>Everything cached: the measurements are read back and the 30 rules applied.</summary>
    [Benchmark]
    public DerivedKey Warm() => KeyDerivation.Derive(inputs, warmCache, EvidenceSettings.Quick);
}
