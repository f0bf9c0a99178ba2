using System.Text.Json;
using System.Text.RegularExpressions;

namespace XaiReference.Benchmarks;

/// <summary>
/// Peak resident memory of each image method, libtorch's native memory included (which BenchmarkDotNet's
/// memory diagnoser does not see). Before each method the kernel's peak-RSS mark is reset
/// (<c>echo 5 &gt; /proc/self/clear_refs</c>); the result is the peak during one call (the second: the first
/// warms up) minus the resident size just before it. Linux only. The Python baseline measures the same way.
/// Measured with glibc's default allocator settings: with freed memory retained
/// (<see cref="XaiReference.Platform.NativeAllocator"/>) what a call needs is resident before it starts, and
/// the difference would read near zero.
/// </summary>
public static class PeakMemory
{
    /// <summary>Measures every method on both networks, prints a table and writes it as JSON.</summary>
    /// <param name="output">The JSON file to write, { "Class.Method": MiB }.</param>
    public static void Run(string output)
    {
        TorchSharp.torch.set_num_threads(BenchmarkSetup.Threads);
        var peaks = new SortedDictionary<string, double>(StringComparer.Ordinal);
        using (var slim = ImageWorkload.Slim())
        {
            Measure(peaks, nameof(SlimNetworkBenchmarks), slim.Calls(courseWidth: false, memory: true));
        }

        using (var course = ImageWorkload.CourseWidth())
        {
            Measure(peaks, nameof(CourseWidthBenchmarks), course.Calls(courseWidth: true, memory: true));
        }

        File.WriteAllText(output, JsonSerializer.Serialize(peaks, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"Peak resident memory above the level before each call, MiB (written to {output}):");
        foreach (var (name, mib) in peaks)
        {
            Console.WriteLine($"  {name,-55} {mib,8:F1}");
        }
    }

    private static void Measure(
        IDictionary<string, double> peaks,
        string prefix,
        IEnumerable<(string Name, Action Call)> operations)
    {
        foreach (var (name, call) in operations)
        {
            // One call first, as the Python side does, so one-time allocations are not counted.
            call();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            File.WriteAllText("/proc/self/clear_refs", "5");
            var before = StatusKib("VmRSS");
            call();
            var peak = StatusKib("VmHWM");
            peaks[$"{prefix}.{name}"] = (peak - before) / 1024.0;
        }
    }

    private static long StatusKib(string field)
    {
        var match = Regex.Match(File.ReadAllText("/proc/self/status"), $@"{field}:\s+(\d+) kB");
        return match.Success
            ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"/proc/self/status has no {field} line.");
    }
}
