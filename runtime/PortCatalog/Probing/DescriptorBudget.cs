using System;
using System.IO;
#if NET8_0_OR_GREATER
using PortCatalog.Interop;
#endif

namespace PortCatalog.Probing;

/// <summary>
/// How many sockets a scan may hold at once without running the process out of file descriptors: the soft
/// RLIMIT_NOFILE minus the descriptors already open, minus a reserve for the rest of the process.
/// </summary>
internal static class DescriptorBudget
{
    /// <summary>Caps <paramref name="window"/> to the descriptors this process can still open (Linux); elsewhere returns it unchanged.</summary>
    public static int Fit(int window)
    {
#if NET8_0_OR_GREATER
        if (OperatingSystem.IsLinux())
        {
            return Math.Max(1, Math.Min(window, Available()));
        }
#endif
        return window;
    }

#if NET8_0_OR_GREATER
    private static unsafe int Available()
    {
        Libc.RLimit limit;
        if (Libc.GetRLimit(Libc.RLIMIT_NOFILE, &limit) != 0 || limit.Current > int.MaxValue)
        {
            return int.MaxValue;
        }

        var soft = (int)limit.Current;
        int open;
        try
        {
            open = Directory.GetFileSystemEntries("/proc/self/fd").Length;
        }
        catch (IOException)
        {
            open = 64;
        }
        catch (UnauthorizedAccessException)
        {
            open = 64;
        }

        // Leave room for what else the process opens meanwhile (files, other sockets, the runtime's own handles). The
        // runtime needs descriptors to start threads (System.Net.Sockets' engine and the thread pool grow under a scan);
        // with 16 in reserve a portable-engine scan under RLIMIT_NOFILE=64 aborted the process ("Out of memory.") in
        // about half of the runs, so never less than 32.
        var reserve = Math.Max(32, soft / 8);
        return soft - open - reserve;
    }
#endif
}
