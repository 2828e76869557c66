using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PortCatalog.Analyzers.Benchmarks;

/// <summary>
/// The CPU time the calling thread has used (Linux: <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>). Unlike a
/// stopwatch, it does not run while the thread waits or is preempted, so what other load on a shared machine (or the
/// compiler's own threads on two cores) does between two readings does not count.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ThreadCpuTimeClockId = 3;     // CLOCK_THREAD_CPUTIME_ID

    /// <summary>Whether the thread CPU clock is available; elsewhere <see cref="NowNanoseconds"/> reads a stopwatch.</summary>
    public static bool IsThreadCpuTime { get; } = OperatingSystem.IsLinux();

    /// <summary>The calling thread's CPU time in nanoseconds (a stopwatch's time where the clock is not available).</summary>
    public static long NowNanoseconds()
    {
        if (IsThreadCpuTime && ClockGetTime(ThreadCpuTimeClockId, out var time) == 0)
        {
            return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
        }

        return (long)(Stopwatch.GetTimestamp() * (1_000_000_000.0 / Stopwatch.Frequency));
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
