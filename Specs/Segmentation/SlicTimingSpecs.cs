using System.Diagnostics;
using FluentAssertions;
using NUnit.Framework;
using XaiReference.Segmentation;

namespace XaiReference.Specs.Segmentation;

/// <summary>
/// Wall time of one course-sized segmentation. Explicit: timings depend on the machine and its load,
/// so this runs only when asked for, in an optimised build:
/// <c>dotnet test Specs/Specs.csproj -c Release --filter "FullyQualifiedName~SlicTimingSpecs"</c>.
/// </summary>
[Explicit("Timing; run on demand")]
public sealed class SlicTimingSpecs
{
    [Test]
    public void A_128_by_128_picture_should_take_a_few_milliseconds()
    {
        var (rgb, width, height) = SlicFixtures.LoadPicture("gradient_with_shapes");
        for (var i = 0; i < 60; i++)
        {
            Slic.Segment(rgb, width, height);
        }

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var times = new double[50];
        for (var i = 0; i < times.Length; i++)
        {
            var clock = Stopwatch.StartNew();
            Slic.Segment(rgb, width, height);
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        var cpuPerRun = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / times.Length;
        Array.Sort(times);
        var median = (times[24] + times[25]) / 2;
        TestContext.Out.WriteLine($"median {median:F2} ms, min {times[0]:F2} ms, max {times[^1]:F2} ms over 50 runs; "
            + $"process CPU time {cpuPerRun:F2} ms per run");
        median.Should().BeLessThan(20, "a few milliseconds is the target; 20 ms leaves room for a loaded machine");
    }
}
