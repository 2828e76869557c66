using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace PortCatalog.Testing;

/// <summary>A fact that needs IPv6 (a ::1 listener).</summary>
public sealed class Ipv6FactAttribute : FactAttribute
{
    public Ipv6FactAttribute()
    {
        if (!Socket.OSSupportsIPv6)
        {
            Skip = "IPv6 is disabled on this machine.";
        }
    }
}

/// <summary>A fact that needs Linux and a program on PATH (tmux for a pseudo-terminal, unshare for a network namespace).</summary>
public sealed class LinuxProgramFactAttribute : FactAttribute
{
    public LinuxProgramFactAttribute(string program)
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            Skip = "Needs Linux.";
        }
        else if (!TestEnvironment.IsInstalled(program))
        {
            Skip = $"Needs '{program}' on PATH (apt-get install it; CI's .ci/run does).";
        }
    }
}

/// <summary>A theory that needs root on Linux (a private network namespace per case); skips as <see cref="LinuxRootFactAttribute"/> does.</summary>
public sealed class LinuxRootTheoryAttribute : TheoryAttribute
{
    public LinuxRootTheoryAttribute()
    {
        if (!TestEnvironment.IsLinux)
        {
            Skip = "Needs Linux (network namespaces).";
        }
        else if (!TestEnvironment.IsLinuxRoot)
        {
            Skip = "Needs root to create a network namespace; CI runs as root.";
        }
    }
}
