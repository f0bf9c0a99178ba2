using System.Diagnostics;
using System.Globalization;

namespace XaiReference.Benchmarks;

/// <summary>
/// The C# half of the side-by-side comparison (benchmarks/python/side_by_side.py): reads benchmark names from
/// standard input, one a line, runs each once and answers with its wall time in milliseconds. The driver
/// alternates between this process and the Python baseline's, so both sides see the same load of a shared
/// machine, and compares them call by call.
/// </summary>
public static class SideBySideServer
{
    /// <summary>Serves the calls of one network until standard input ends.</summary>
    /// <param name="width"><c>slim</c> or <c>course</c>.</param>
    public static void Run(string width)
    {
        var (workload, calls) = ImageWorkload.Named(width);
        using var owned = workload;
        Serve(calls.ToDictionary(c => c.Key, c => Timed(c.Value), StringComparer.Ordinal));
    }

    /// <summary>Serves BERT's calls until standard input ends.</summary>
    /// <param name="folder">Where the Python side's weights, inputs and expected outputs are written.</param>
    /// <param name="burst">Forwards per call.</param>
    public static void RunBert(string folder, int burst)
    {
        using var bert = BertSideBySide.Create(folder, burst);
        Serve(bert.Calls);
    }

    private static Func<double> Timed(Action call) => () =>
    {
        var clock = Stopwatch.StartNew();
        call();
        return clock.Elapsed.TotalMilliseconds;
    };

    private static void Serve(IReadOnlyDictionary<string, Func<double>> calls)
    {
        Console.WriteLine($"ready {string.Join(' ', calls.Keys)}");
        while (Console.ReadLine() is { } name)
        {
            if (!calls.TryGetValue(name.Trim(), out var call))
            {
                Console.WriteLine($"unknown {name}");
                continue;
            }

            Console.WriteLine(call().ToString("F3", CultureInfo.InvariantCulture));
        }
    }
}
