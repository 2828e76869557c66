using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using PortCatalog.Cli.Tests.Infrastructure;

namespace PortCatalog.Cli.Tests.Scanning;

/// <summary>Targets as nmap takes them: CIDR blocks, octet ranges, list files; ports by number, range, '-' and name.</summary>
public sealed partial class ScanTargetTests
{
    [Fact]
    public void CidrBlockScansEveryAddressOfTheBlockInOrder()
    {
        using var listeners = new LoopbackListeners();
        var port = listeners.Open(IPAddress.Loopback);

        var run = Portcat.Run("scan", "127.0.0.0/30", "-p", Text(port), "--all-states", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = Output.ParseJson(run.Stdout);
        Assert.Equal(["127.0.0.0", "127.0.0.1", "127.0.0.2", "127.0.0.3"], rows.Select(r => r.String("address")));
        Assert.Equal(rows.Select(r => r.String("address")), rows.Select(r => r.String("host")));
        Assert.Equal("open", Assert.Single(rows, r => r.String("address") == "127.0.0.1").String("state"));
        Assert.Contains("Scanning 127.0.0.0/30 (4 hosts, 1 tcp port)", run.Stderr);
    }

    [Fact]
    public void OctetRangeScansTheAddressesItNames()
    {
        var closed = ProbeTargets.FreeTcpPort(IPAddress.Loopback);

        var run = Portcat.Run("scan", "127.0.0.1-3", "127.0.1.7,9", "-p", Text(closed), "--all-states", "--format", "csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        var (_, rows) = Output.ParseCsv(run.Stdout);
        Assert.Equal(["127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.1.7", "127.0.1.9"], rows.Select(r => r["address"]));
    }

    [LinuxRootFact("ip")]
    public void Ipv6CidrBlockScansItsFourAddressesInsideANamespace()
    {
        // fd00::/126 exists only inside this test's own network namespace.
        string[] prefix = [.. NetworkNamespace.FreshWithLoopback("ip -6 addr add fd00::1/126 dev lo nodad"), Portcat.DotnetHost, Portcat.DllPath];
        var run = ExternalCommand.Run(prefix[0], [.. prefix[1..], "scan", "fd00::/126", "-p", "9", "--all-states", "--timeout", "300", "--retries", "0", "--format", "json"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = Output.ParseJson(run.Stdout);
        Assert.Equal(["fd00::", "fd00::1", "fd00::2", "fd00::3"], rows.Select(r => r.String("address")));
        Assert.Equal("closed", Assert.Single(rows, r => r.String("address") == "fd00::1").String("state"));
    }

    [LinuxRootFact("ip")]
    public void InputListFileAddsItsTargetsAndNamesResolveOnlyInsideTheNamespace()
    {
        using var listeners = new LoopbackListeners();
        var list = Path.GetTempFileName();
        try
        {
            File.WriteAllText(list, "# hosts to check\n127.0.0.1   127.0.0.2 # two on one line\n\nlocalhost\n127.0.0.4/31\n");

            var run = Portcat.RunIsolated("scan", "-iL", list, "-p", "9", "--all-states", "--format", "json");

            Assert.True(run.ExitCode == 0, run.ToString());
            var rows = Output.ParseJson(run.Stdout);

            // localhost resolves (hosts file) to 127.0.0.1 or ::1; 127.0.0.1 is scanned once either way.
            var addresses = rows.Select(r => r.String("address")!).ToArray();
            Assert.Equal(["127.0.0.1", "127.0.0.2"], addresses[..2]);
            Assert.Equal(["127.0.0.4", "127.0.0.5"], addresses[^2..]);
        }
        finally
        {
            File.Delete(list);
        }
    }

    [LinuxRootFact("ip")]
    public void InputListFromStdinAndABadLineNamesTheFileAndLine()
    {
        var good = Portcat.RunIsolatedWithInput("127.0.0.1\n127.0.0.2\n", "scan", "-iL", "-", "-p", "9", "--all-states", "--format", "json");
        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.Equal(["127.0.0.1", "127.0.0.2"], Output.ParseJson(good.Stdout).Select(r => r.String("address")));

        var bad = Portcat.RunIsolatedWithInput("127.0.0.1\n\n127.0.0.300\n", "scan", "-iL", "-", "-p", "9");
        BadInputTests.AssertBadInput(bad, "--input-list stdin:3: '127.0.0.300': '300' is not an octet");

        var missing = Portcat.RunIsolated("scan", "-iL", "/nonexistent/hosts.txt", "-p", "9");
        BadInputTests.AssertBadInput(missing, "--input-list: cannot read '/nonexistent/hosts.txt'");
    }

    [LinuxRootFact("ip")]
    public void ASlash8StartsAtOnceAndStreamsUntilInterrupted()
    {
        // Inside a namespace of its own, 127.0.0.0/8 is this test's loopback alone. 16,777,216 addresses would take
        // gigabytes and minutes to expand; streamed, the first progress line comes within a second or two.
        using var portcat = new RunningPortcat(Portcat.IsolatedPrefix, ProgressLine().IsMatch, "scan", "127.0.0.0/8", "-p", "9", "--format", "csv");
        Assert.True(portcat.WaitForLine(TimeSpan.FromSeconds(30)), "No progress line within 30 s: " + portcat.Stderr);
        var run = portcat.Interrupt(TimeSpan.FromSeconds(20));

        Assert.True(run.ExitCode == 130, run.ToString());
        Assert.Contains("Scanning 127.0.0.0/8 (16,777,216 hosts, 1 tcp port)", run.Stderr);
        Assert.Equal(["host", "address", "port", "transport", "state", "service", "description"], Output.ParseCsv(run.Stdout).Header);
    }

    [Fact]
    public void PortsTakeServiceNamesNumbersAndRanges()
    {
        using var listeners = new LoopbackListeners();
        var port = listeners.Open(IPAddress.Loopback);

        var run = Portcat.Run("scan", "127.0.0.1", "-p", $"ssh,PostgreSql,{port},8000-8001", "--all-states", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            new[] { WellKnownPorts.Ssh, WellKnownPorts.PostgreSql, 8000, 8001, port }.Order(),
            Output.ParseJson(run.Stdout).Select(r => r.Int("port")));
    }

    [Theory]
    [InlineData("-p-")]
    [InlineData("-p", "-")]
    [InlineData("-p", "all")]
    public void DashAndAllMeanEveryPort(params string[] ports)
    {
        var run = Portcat.Run(["scan", "127.0.0.1", .. ports, "--format", "json", "--timeout", "500"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Scanning 127.0.0.1 (65,535 tcp ports)", run.Stderr);
        Assert.Contains("Scanned 65,535 tcp ports on 1 host", run.Stderr);
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^ +\d+% [1-9][\d,]*/16,777,216 probes")]
    private static partial Regex ProgressLine();
}
