using System.Globalization;
using System.Net;
using System.Xml.Linq;
using PortCatalog.Cli.Tests.Infrastructure;

namespace PortCatalog.Cli.Tests.Scanning.Reports;

/// <summary>nmap's output shapes (XML, grepable), -o FILE beside the terminal's table, --open, and the empty result.</summary>
public sealed class ScanOutputTests
{
    [NmapXmlFact]
    public void XmlValidatesAgainstNmapDtdRendersWithNmapXslAndListsTheListener()
    {
        using var listeners = new LoopbackListeners();
        var open = listeners.Open(IPAddress.Loopback);
        var closed = ProbeTargets.FreeTcpPort(IPAddress.Loopback);
        var xml = Path.GetTempFileName();
        try
        {
            var run = Portcat.Run("scan", "127.0.0.1", "-p", $"{open},{closed}", "--format", "xml");
            Assert.True(run.ExitCode == 0, run.ToString());
            File.WriteAllText(xml, run.Stdout);

            var lint = ExternalCommand.Run("xmllint", ["--noout", "--dtdvalid", NmapXmlFactAttribute.Dtd, xml]);
            Assert.True(lint.ExitCode == 0, lint.ToString());
            var html = ExternalCommand.Run("xsltproc", [NmapXmlFactAttribute.Stylesheet, xml]);
            Assert.True(html.ExitCode == 0, html.ToString());
            Assert.Contains("127.0.0.1", html.Stdout);
            Assert.Contains($">{open}<", html.Stdout);

            var host = Assert.Single(XDocument.Parse(run.Stdout).Root!.Elements("host"));
            var port = Assert.Single(host.Element("ports")!.Elements("port"));
            Assert.Equal(open.ToString(CultureInfo.InvariantCulture), port.Attribute("portid")!.Value);
            Assert.Equal("open", port.Element("state")!.Attribute("state")!.Value);
            Assert.Equal("syn-ack", port.Element("state")!.Attribute("reason")!.Value);
            var extra = Assert.Single(host.Element("ports")!.Elements("extraports"));
            Assert.Equal(("closed", "1"), (extra.Attribute("state")!.Value, extra.Attribute("count")!.Value));
        }
        finally
        {
            File.Delete(xml);
        }
    }

    [LinuxProgramFact("nmap")]
    public void XmlPortStatesAgreeWithNmapsOwnConnectScanOfTheSamePorts()
    {
        using var listeners = new LoopbackListeners();
        var open = listeners.Open(IPAddress.Loopback);
        var closed = ProbeTargets.FreeTcpPort(IPAddress.Loopback);
        var ports = $"{open},{closed}";

        var ours = Portcat.Run("scan", "127.0.0.1", "-p", ports, "--all-states", "--format", "xml");
        var nmap = ExternalCommand.Run("nmap", ["-sT", "-Pn", "-n", "--reason", "-p", ports, "-oX", "-", "127.0.0.1"]);

        Assert.True(ours.ExitCode == 0, ours.ToString());
        Assert.True(nmap.ExitCode == 0, nmap.ToString());
        Assert.Equal(PortStates(nmap.Stdout), PortStates(ours.Stdout));
    }

    [Fact]
    public void GrepableWritesNmapsHostAndPortsLines()
    {
        using var listeners = new LoopbackListeners();
        var open = listeners.Open(IPAddress.Loopback);
        var closed = ProbeTargets.FreeTcpPort(IPAddress.Loopback);

        var run = Portcat.Run("scan", "127.0.0.1", "-p", $"{open},{closed}", "--format", "grepable");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.TrimEnd('\n').Split('\n');
        Assert.StartsWith("# portcat ", lines[0]);
        Assert.Equal("Host: 127.0.0.1 ()\tStatus: Up", lines[1]);
        Assert.Equal($"Host: 127.0.0.1 ()\tPorts: {open}/open/tcp/////\tIgnored State: closed (1)", lines[2]);
        Assert.StartsWith("# portcat done at ", lines[3]);
        Assert.Contains("1 IP address (1 host up) scanned in ", lines[3]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void OutputFileGetsTheFormatWhileStdoutKeepsTheTableAndSummary()
    {
        using var listeners = new LoopbackListeners();
        var open = listeners.Open(IPAddress.Loopback);
        var file = Path.GetTempFileName();
        try
        {
            var run = Portcat.Run("scan", "127.0.0.1", "-p", $"{open}", "--format", "json", "-o", file);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains(run.Stdout.Split('\n'), l => l.Contains('│') && l.Contains($" {open} ", StringComparison.Ordinal));
            Assert.Contains("Scanned 1 tcp port on 1 host", run.Stdout);
            var row = Assert.Single(Output.ParseJson(File.ReadAllText(file)));
            Assert.Equal(open, row.Int("port"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void NmapOutputSpellingsWriteTheirFormatToTheFileOrToStdout()
    {
        using var listeners = new LoopbackListeners();
        var open = listeners.Open(IPAddress.Loopback);
        var xml = Path.GetTempFileName();
        try
        {
            var toFile = Portcat.Run("scan", "127.0.0.1", "-p", $"{open}", "-oX", xml);
            Assert.True(toFile.ExitCode == 0, toFile.ToString());
            Assert.Contains("Scanned 1 tcp port on 1 host", toFile.Stdout);
            Assert.Equal(open.ToString(CultureInfo.InvariantCulture), XDocument.Load(xml).Descendants("port").Single().Attribute("portid")!.Value);

            var toStdout = Portcat.Run("scan", "127.0.0.1", "-p", $"{open}", "-oG", "-");
            Assert.True(toStdout.ExitCode == 0, toStdout.ToString());
            Assert.Contains($"Host: 127.0.0.1 ()\tPorts: {open}/open/tcp/////", toStdout.Stdout);
        }
        finally
        {
            File.Delete(xml);
        }
    }

    [Fact]
    public void OpenIsAcceptedAsTheDefaultAndContradictsAllStates()
    {
        using var listeners = new LoopbackListeners();
        var open = listeners.Open(IPAddress.Loopback);
        var closed = ProbeTargets.FreeTcpPort(IPAddress.Loopback);

        var run = Portcat.Run("scan", "127.0.0.1", "-p", $"{open},{closed}", "--open", "--format", "json");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(open, Assert.Single(Output.ParseJson(run.Stdout)).Int("port"));

        BadInputTests.AssertBadInput(Portcat.Run("scan", "127.0.0.1", "--open", "--all-states"), "--open and --all-states contradict");
    }

    [Fact]
    public void AnEmptyResultSaysWhatWasScannedAndHowToScanMore()
    {
        var closed = ProbeTargets.FreeTcpPort(IPAddress.Loopback);

        var run = Portcat.Run("scan", "127.0.0.1", "-p", closed.ToString(CultureInfo.InvariantCulture));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("All 1 scanned tcp port on 127.0.0.1 are closed: nothing open.", run.Stdout);
        Assert.Contains("-p-", run.Stdout);
        Assert.Contains("--all-states", run.Stdout);
    }

    private static List<(string Port, string State, string Reason)> PortStates(string xml)
        => XDocument.Parse(xml).Descendants("port")
            .Select(p => (p.Attribute("portid")!.Value, p.Element("state")!.Attribute("state")!.Value, p.Element("state")!.Attribute("reason")!.Value))
            .OrderBy(p => p.Item1, StringComparer.Ordinal)
            .ToList();
}
