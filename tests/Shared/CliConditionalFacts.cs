using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace PortCatalog.Testing;

/// <summary>A fact that needs IPv6 (a ::1 listener).</summary>
public sealed class Ipv6FactAttribute : FactAttribute
{
    public Ipv6FactAttribute()
    {
        Skip = Requirement.SkipUnless(Socket.OSSupportsIPv6, "IPv6 is disabled on this machine.");
    }
}

/// <summary>A fact that needs Linux and a program on PATH (tmux for a pseudo-terminal, a daemon for a payload test).</summary>
public sealed class LinuxProgramFactAttribute : FactAttribute
{
    public LinuxProgramFactAttribute(string program)
    {
        Skip = Requirement.SkipUnless(
            (RuntimeInformation.IsOSPlatform(OSPlatform.Linux), "Needs Linux."),
            Requirement.Program(program, TestEnvironment.PackageOf(program)));
    }
}
