using PortCatalog.Identification;

namespace PortCatalog.Tests.Identification;

/// <summary>docs/identification.md says exactly what each probe sends: its table rows are the probe table's bytes.</summary>
public sealed class ProbeTableDocumentationTests
{
    private static string Documentation => File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "identification.md"));

    [Fact]
    public void EveryProbeIsDocumentedWithTheBytesItSends()
    {
        var doc = Documentation;
        var missing = ServiceProbeTable.TcpProbes.Concat(ServiceProbeTable.UdpProbes)
            .Select(Row)
            .Where(row => !doc.Contains(row, StringComparison.Ordinal))
            .ToList();

        Assert.True(missing.Count == 0, "docs/identification.md lacks these rows of the probe table (or has them out of date):\n" + string.Join('\n', missing));
    }

    [Fact]
    public void EveryRecognisedServiceIsDocumented()
    {
        var doc = Documentation;
        var services = ServiceProbeTable.Patterns.Select(pattern => pattern.Service)
            .Concat(new[] { "http", "imap", "pop3", "smtp", "ldap", "ftp", "mqtt" }.Select(ServiceProbeTable.TlsName))
            .Distinct();

        Assert.All(services, service => Assert.Contains($"`{service}`", doc));
    }

    /// <summary>The documentation's row for a probe: name, transport, the bytes in hex (or "none"), and what they are.</summary>
    private static string Row(ServiceProbe probe)
        => $"| `{probe.Name}` | {probe.Transport.ToString().ToUpperInvariant()} | {(probe.Request.Length == 0 ? "none" : "`" + Convert.ToHexString(probe.Request) + "`")} | {probe.Sends} |";
}
