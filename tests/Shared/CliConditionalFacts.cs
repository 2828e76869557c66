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

/// <summary>
/// A theory that needs root on Linux (a private network namespace per case), plus any programs named; skips as
/// <see cref="LinuxRootFactAttribute"/> does.
/// </summary>
public sealed class LinuxRootTheoryAttribute : TheoryAttribute
{
    public LinuxRootTheoryAttribute(params string[] programs) => Skip = new LinuxRootFactAttribute(programs).Skip;
}

/// <summary>
/// A fact that checks nmap-compatible XML with nmap's own files: xmllint and xsltproc on PATH, and nmap's DTD and XSL
/// stylesheet where Debian's nmap package installs them.
/// </summary>
public sealed class NmapXmlFactAttribute : FactAttribute
{
    public const string Dtd = "/usr/share/nmap/nmap.dtd";
    public const string Stylesheet = "/usr/share/nmap/nmap.xsl";

    public NmapXmlFactAttribute()
    {
        var missing = new[] { "xmllint", "xsltproc" }.Where(p => !TestEnvironment.IsInstalled(p))
            .Concat(new[] { Dtd, Stylesheet }.Where(f => !File.Exists(f)))
            .ToArray();
        Skip = Requirement.SkipUnless(missing.Length == 0, $"Needs {string.Join(", ", missing)} (apt-get install nmap xsltproc libxml2-utils; CI's .ci/run does).");
    }
}
