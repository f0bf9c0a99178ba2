using System.Diagnostics;
using System.Globalization;
using XaiReference.Models;
using static XaiReference.Benchmarks.Timings;

namespace XaiReference.Benchmarks;

/// <summary>
/// Our image methods with one setting of the classifier on and off, alternating call by call in one process: the
/// same network, pictures and allocator on both sides, so the median per-round ratio isolates the setting. The
/// settings: <c>layout</c>, the trunk channels-last against the plain layout
/// (<see cref="CourseClassifier.ChannelsLast"/>); <c>fold</c>, BatchNorm folded into the convolutions against
/// run after them (<see cref="CourseClassifier.FoldBatchNorm"/>).
/// </summary>
internal static class SettingComparison
{
    private static readonly Dictionary<string, (string On, string Off, Action<CourseClassifier, bool> Apply)>
        Settings = new()
        {
            ["layout"] = ("channels-last", "plain", (model, on) => model.ChannelsLast = on),
            ["fold"] = ("folded", "unfolded", (model, on) => model.FoldBatchNorm = on),
        };

    /// <summary>The settings this comparison knows, by command name.</summary>
    public static IReadOnlyCollection<string> Names => Settings.Keys;

    /// <summary>Prints, per method, both medians and the median paired ratio on / off.</summary>
    /// <param name="setting"><c>layout</c> or <c>fold</c>.</param>
    /// <param name="width"><c>slim</c> or <c>course</c>.</param>
    /// <param name="rounds">Rounds of one call with the setting on and one off, after one warm-up round.</param>
    /// <param name="names">Names of <see cref="ImageWorkload.Calls"/>, e.g. <c>IntegratedGradientsCourse</c>.</param>
    public static void Run(string setting, string width, int rounds, IReadOnlyList<string> names)
    {
        var (on, off, apply) = Settings[setting];
        var (workload, calls) = ImageWorkload.Named(width);
        using var owned = workload;
        foreach (var name in names)
        {
            if (!calls.TryGetValue(name, out var call))
            {
                throw new ArgumentException(
                    $"No benchmark '{name}' at this width; there are: {string.Join(", ", calls.Keys)}.", nameof(names));
            }

            var onTimes = new List<double>();
            var offTimes = new List<double>();
            var ratios = new List<double>();
            for (var round = -1; round < rounds; round++)
            {
                // The variant that goes first alternates; the round before the first is a warm-up of both.
                var onFirst = round % 2 == 0;
                var firstMs = Time(workload, call, model => apply(model, onFirst));
                var secondMs = Time(workload, call, model => apply(model, !onFirst));
                var (onMs, offMs) = onFirst ? (firstMs, secondMs) : (secondMs, firstMs);
                if (round >= 0)
                {
                    onTimes.Add(onMs);
                    offTimes.Add(offMs);
                    ratios.Add(onMs / offMs);
                }
            }

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{width} {name}: {on} median {Median(onTimes):F1} ms, {off} median {Median(offTimes):F1} ms, "
                + $"{on} / {off} paired median {Median(ratios):F2} over {rounds} rounds"));
        }
    }

    private static double Time(ImageWorkload workload, Action call, Action<CourseClassifier> set)
    {
        set(workload.Model);

        // OpenMP's threads spin a while after a parallel region; let them settle so each call starts alike.
        Thread.Sleep(100);
        var clock = Stopwatch.StartNew();
        call();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        BenchmarkSetup.Apply(workload.Model);
        return elapsed;
    }
}
