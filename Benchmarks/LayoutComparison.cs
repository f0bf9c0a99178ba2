using System.Diagnostics;
using System.Globalization;

namespace XaiReference.Benchmarks;

/// <summary>
/// Our image methods with the classifier's trunk channels-last against the plain layout
/// (<see cref="Models.CourseClassifier.ChannelsLast"/>), alternating call by call in one process: the same
/// network, pictures and allocator on both sides, so the median per-round ratio isolates the layout.
/// </summary>
internal static class LayoutComparison
{
    /// <summary>Prints, per method, both medians and the median paired ratio channels-last / plain.</summary>
    /// <param name="width"><c>slim</c> or <c>course</c>.</param>
    /// <param name="rounds">Rounds of one call of each layout, after one warm-up round.</param>
    /// <param name="names">Names of <see cref="ImageWorkload.Calls"/>, e.g. <c>IntegratedGradientsCourse</c>.</param>
    public static void Run(string width, int rounds, IReadOnlyList<string> names)
    {
        var (workload, calls) = ImageWorkload.Named(width);
        using var owned = workload;
        foreach (var name in names)
        {
            if (!calls.TryGetValue(name, out var call))
            {
                throw new ArgumentException(
                    $"No benchmark '{name}' at this width; there are: {string.Join(", ", calls.Keys)}.", nameof(names));
            }

            var channelsLast = new List<double>();
            var plain = new List<double>();
            var ratios = new List<double>();
            for (var round = -1; round < rounds; round++)
            {
                // The layout that goes first alternates; the round before the first is a warm-up of both.
                var channelsLastFirst = round % 2 == 0;
                var firstMs = Time(workload, call, channelsLastFirst);
                var secondMs = Time(workload, call, !channelsLastFirst);
                var (channelsLastMs, plainMs) = channelsLastFirst ? (firstMs, secondMs) : (secondMs, firstMs);
                if (round >= 0)
                {
                    channelsLast.Add(channelsLastMs);
                    plain.Add(plainMs);
                    ratios.Add(channelsLastMs / plainMs);
                }
            }

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{width} {name}: channels-last median {Median(channelsLast):F1} ms, plain median "
                + $"{Median(plain):F1} ms, channels-last / plain paired median {Median(ratios):F2} "
                + $"over {rounds} rounds"));
        }

        workload.Model.ChannelsLast = BenchmarkSetup.ChannelsLast;
    }

    private static double Time(ImageWorkload workload, Action call, bool channelsLast)
    {
        workload.Model.ChannelsLast = channelsLast;

        // OpenMP's threads spin a while after a parallel region; let them settle so each call starts alike.
        Thread.Sleep(100);
        var clock = Stopwatch.StartNew();
        call();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1
            ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
