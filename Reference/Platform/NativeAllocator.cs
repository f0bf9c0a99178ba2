using System.Runtime.InteropServices;

namespace XaiReference.Platform;

/// <summary>
/// Tunes the C allocator that libtorch's CPU tensors come from, so that memory freed by one pass is reused by
/// the next instead of being handed back to the kernel and faulted in again, page by page, as fresh zeroed memory.
/// </summary>
/// <remarks>
/// <para>
/// Every attribution method allocates the same large activations again and again: a pass of ten pictures through
/// the course's network holds activations of about 80 MB a layer. With glibc's defaults, blocks above a threshold
/// (at most 32 MiB) are mapped afresh for each allocation and unmapped when freed, and free memory at the top of
/// the heap is given back; each new pass then pays a page fault for every 4 KiB it touches. At the course's width
/// that is about a third of integrated gradients' time on two cores (docs/benchmarks.md has the numbers and the
/// command; the Python baseline gains as much from the same setting).
/// </para>
/// <para>
/// <see cref="RetainFreedMemory"/> turns both off: blocks come from the heap and freed memory stays in the
/// process. The price is that the process keeps its peak size until it exits; the grader and the benchmarks call
/// it at start, a library user decides for their own process. It changes no result, only where memory comes from.
/// It works best for work on the process's first thread: glibc gives other threads heaps of their own, which
/// cannot hold blocks of 64 MiB or more and are handed back whole when empty.
/// </para>
/// <para>
/// It applies where the C library is glibc (Linux distributions such as Debian, Ubuntu and Fedora). Elsewhere
/// (Windows, macOS, musl) it does nothing and returns <see langword="false"/>.
/// </para>
/// </remarks>
public static class NativeAllocator
{
    // mallopt parameters, from glibc's malloc.h.
    private const int TrimThresholdParameter = -1;
    private const int MmapMaxParameter = -4;

    private static readonly Lock Gate = new();

    /// <summary>Whether <see cref="RetainFreedMemory"/> has taken effect in this process.</summary>
    public static bool IsRetainingFreedMemory { get; private set; }

    /// <summary>
    /// Makes glibc serve every block from the heap and never trim it, so freed tensor memory is reused. Safe to
    /// call more than once and from any thread; affects the whole process.
    /// </summary>
    /// <returns>
    /// <see langword="true"/> when the settings are in effect (now or from an earlier call); <see langword="false"/>
    /// where the C library is not glibc.
    /// </returns>
    public static bool RetainFreedMemory()
    {
        lock (Gate)
        {
            if (IsRetainingFreedMemory)
            {
                return true;
            }

            if (!OperatingSystem.IsLinux())
            {
                return false;
            }

            try
            {
                // Order matters little: each call only sets a field under the allocator's own lock.
                var noMappedBlocks = Mallopt(MmapMaxParameter, 0) == 1;
                var noTrimming = Mallopt(TrimThresholdParameter, int.MaxValue) == 1;
                IsRetainingFreedMemory = noMappedBlocks && noTrimming;
            }
            catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
            {
                IsRetainingFreedMemory = false;
            }

            return IsRetainingFreedMemory;
        }
    }

    [DllImport("libc.so.6", EntryPoint = "mallopt")]
    private static extern int Mallopt(int parameter, int value);
}
