namespace PortCatalog.Testing;

/// <summary>
/// Snapshots of the sockets this process has open (Linux, <c>/proc/self/fd</c>), for leak checks: each socket as
/// "descriptor -> socket:[inode]", so a socket closed and its number reused by a new one counts as new. Other
/// descriptors are left out: the runtime maps assemblies it loads lazily (System.Net.NameResolution.dll appeared in
/// the middle of a test) and that is no probe's doing.
/// </summary>
internal static class OpenSockets
{
    /// <summary>The sockets open at this moment.</summary>
    public static IReadOnlySet<string> Now()
    {
        var open = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo("/proc/self/fd").GetFileSystemInfos())
        {
            try
            {
                if (entry.LinkTarget is { } target && target.StartsWith("socket:", StringComparison.Ordinal))
                {
                    open.Add(entry.Name + " -> " + target);
                }
            }
            catch (IOException)
            {
                // Closed while we looked (the listing's own descriptor, or a runtime thread's): not ours to count.
            }
        }

        return open;
    }

    /// <summary>
    /// The open sockets once engines are idle: an engine may keep a few refused sockets for reuse and closes them when
    /// unused for a moment (the Linux engine: 100 ms), so a leak check starts from an idle state.
    /// </summary>
    public static IReadOnlySet<string> WhenIdle()
    {
        // Sockets that earlier tests left to the finalizer are closed now rather than in the middle of a measurement.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Thread.Sleep(300);
        return Now();
    }

    /// <summary>
    /// The sockets open now that were not open at <paramref name="baseline"/>, after waiting up to two seconds for
    /// closes that finish on other threads (a socket's descriptor closes when its last in-flight use lets go of the
    /// handle, which can trail the probe). Empty means nothing leaked. Sockets that closed meanwhile (one an earlier
    /// test left behind, a pooled one) do not matter: a leak check asks what is new, not how many there are.
    /// </summary>
    public static IReadOnlyList<string> OpenedSince(IReadOnlySet<string> baseline)
    {
        var opened = Now().Where(socket => !baseline.Contains(socket)).ToList();
        for (var attempt = 0; attempt < 100 && opened.Count > 0; attempt++)
        {
            Thread.Sleep(20);
            opened = Now().Where(socket => !baseline.Contains(socket)).ToList();
        }

        return opened;
    }
}
