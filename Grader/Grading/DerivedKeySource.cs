using Spectre.Console;
using XaiReference.Attribution;
using XaiReference.Grader.Quiz;
using XaiReference.Grader.Quiz.Evidence;

namespace XaiReference.Grader.Grading;

/// <summary>
/// The default key: derived from the reference's outputs on the embedded fixtures, with the measurements
/// cached on disk, and a progress bar while they are measured.
/// </summary>
public sealed class DerivedKeySource(IAnsiConsole console, Func<QuizInputs> inputs, string cacheFolder) : IKeySource
{
    /// <summary>The embedded fixtures, cached in <see cref="EvidenceCache.DefaultFolder"/>.</summary>
    public DerivedKeySource(IAnsiConsole console)
        : this(console, QuizInputs.Default, EvidenceCache.DefaultFolder())
    {
    }

    /// <inheritdoc />
    public QuizKey GetKey() => DeriveWithProgress().Key;

    /// <summary>Derives the key, showing a progress bar when the reference has to run.</summary>
    public DerivedKey DeriveWithProgress(EvidenceSettings? settings = null)
    {
        var cache = new EvidenceCache(cacheFolder);
        var source = inputs();
        DerivedKey? derived = null;
        console.Progress()
            .AutoClear(true)
            .Columns(
                new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var progress = new SynchronousProgress(p =>
                {
                    if (!tasks.TryGetValue(p.Method, out var task))
                    {
                        task = tasks[p.Method] = context.AddTask(Markup.Escape(p.Method), maxValue: p.Total);
                    }

                    task.MaxValue = p.Total;
                    task.Value = p.Completed;
                });
                derived = KeyDerivation.Derive(source, cache, settings, progress);
            });
        return derived!;
    }

    // Progress<T> posts to the thread pool; the bars must move while the work runs on this thread.
    private sealed class SynchronousProgress(Action<AttributionProgress> report) : IProgress<AttributionProgress>
    {
        public void Report(AttributionProgress value) => report(value);
    }
}
