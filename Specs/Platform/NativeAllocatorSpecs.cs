using FluentAssertions;
using NUnit.Framework;
using XaiReference.Platform;

namespace XaiReference.Specs.Platform;

/// <summary>
/// <see cref="NativeAllocator.RetainFreedMemory"/> is a process-wide switch: on Linux with glibc the two settings
/// are accepted and stay in effect; what they save is a matter of time, measured by the benchmarks
/// (docs/benchmarks.md), not here.
/// </summary>
/// <remarks>
/// A spec that counted page faults around one large tensor was tried and dropped: whether the second tensor finds
/// the first one's pages depends on where glibc puts an aligned block next to other small blocks of the process,
/// and on which thread runs the test (threads other than the first have their own heaps). That says nothing
/// reliable about a method's passes, which is what the setting is for.
/// </remarks>
[NonParallelizable]
public sealed class NativeAllocatorSpecs
{
    [Test]
    public void On_glibc_the_setting_takes_effect_and_a_second_call_keeps_it()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("The setting exists on Linux with glibc; elsewhere RetainFreedMemory returns false.");
        }

        NativeAllocator.RetainFreedMemory().Should().BeTrue();
        NativeAllocator.RetainFreedMemory().Should().BeTrue();
        NativeAllocator.IsRetainingFreedMemory.Should().BeTrue();
    }
}
