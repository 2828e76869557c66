using System.Runtime.InteropServices;

namespace PortCatalog.Testing;

// xunit 2 decides skipping when it discovers a test; these attributes set Skip, with the reason, when the
// test's precondition is not met on this machine, so the test shows as skipped instead of passing silently.

/// <summary>A fact that needs the IANA snapshot in <c>../shared/data/iana</c>.</summary>
public sealed class IanaFactAttribute : FactAttribute
{
    public IanaFactAttribute()
    {
        if (!File.Exists(TestPaths.IanaCsv))
        {
            Skip = $"The IANA snapshot {TestPaths.IanaCsv} is absent (an outside clone has no ../shared); nothing to test against.";
        }
    }
}

/// <summary>A fact that needs Linux.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            Skip = "Needs Linux.";
        }
    }
}

/// <summary>A fact that needs root on Linux (network namespaces, firewall rules).</summary>
public sealed class LinuxRootFactAttribute : FactAttribute
{
    public LinuxRootFactAttribute()
    {
        if (!TestEnvironment.IsLinux)
        {
            Skip = "Needs Linux (network namespaces).";
        }
        else if (!TestEnvironment.IsLinuxRoot)
        {
            Skip = "Needs root to create a network namespace and firewall rules; CI runs as root.";
        }
    }
}
