using System.Runtime.InteropServices;

namespace PortCatalog.Testing;

// xunit 2 decides skipping when it discovers a test; these attributes set Skip, with the reason, when the test's
// precondition is not met on this machine, so the test shows as skipped instead of passing silently. Under CI=true they
// never skip: the test runs and fails on what is missing (see Requirement).

/// <summary>A fact that needs the IANA snapshot in <c>../shared/data/iana</c>.</summary>
public sealed class IanaFactAttribute : FactAttribute
{
    public IanaFactAttribute()
    {
        Skip = Requirement.SkipUnless(File.Exists(TestPaths.IanaCsv), $"The IANA snapshot {TestPaths.IanaCsv} is absent (an outside clone has no ../shared); nothing to test against.");
    }
}

/// <summary>A fact that needs Linux.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        Skip = Requirement.SkipUnless(RuntimeInformation.IsOSPlatform(OSPlatform.Linux), "Needs Linux.");
    }
}

/// <summary>A fact that needs root on Linux (a network namespace, firewall rules), plus any programs named.</summary>
public sealed class LinuxRootFactAttribute : FactAttribute
{
    public LinuxRootFactAttribute(params string[] programs)
    {
        Skip = Requirement.SkipUnless(
            [
                (TestEnvironment.IsLinux, "Needs Linux (network namespaces)."),
                (TestEnvironment.IsLinuxRoot, "Needs root to create a network namespace; CI runs as root."),
                .. programs.Select(program => Requirement.Program(program, TestEnvironment.PackageOf(program))),
            ]);
    }
}

/// <summary>
/// A fact that creates network namespaces with nftables rules: root on Linux, iproute2 (<c>ip</c>) and nftables
/// (<c>nft</c>), plus any further programs named (such as <c>nmap</c>).
/// </summary>
public sealed class NetworkNamespaceFactAttribute : FactAttribute
{
    public NetworkNamespaceFactAttribute(params string[] programs)
    {
        Skip = Requirement.SkipUnless(
            [
                .. Requirement.NetworkNamespaces(),
                .. programs.Select(program => Requirement.Program(program, TestEnvironment.PackageOf(program))),
            ]);
    }
}
