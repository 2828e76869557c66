using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PortCatalog.Cli.Tests.Infrastructure;

namespace PortCatalog.Cli.Tests.Commands;

public sealed class ScanCommandTests
{
    [Fact]
    public void JsonScanReportsExactlyTheLoopbackListenersAmongTheProbedPorts()
    {
        using var listeners = new LoopbackListeners();
        var open = new[] { listeners.Open(IPAddress.Loopback), listeners.Open(IPAddress.Loopback), listeners.Open(IPAddress.Loopback) };
        var closed = new[] { ProbeTargets.FreeTcpPort(IPAddress.Loopback), ProbeTargets.FreeTcpPort(IPAddress.Loopback) };
        var ports = string.Join(',', open.Concat(closed));

        var run = Portcat.Run("scan", "127.0.0.1", "-p", ports, "--timeout", "2000", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = Output.ParseJson(run.Stdout);
        Assert.Equal(
            open.Order().Select(p => ("127.0.0.1", "127.0.0.1", p, "tcp", "open")),
            rows.Select(r => (r.String("host")!, r.String("address")!, r.Int("port"), r.String("transport")!, r.String("state")!)));

        // The summary goes to stderr so that stdout stays one JSON document; it counts every probed port.
        Assert.Contains("3 open, 2 closed, 0 filtered", run.Stderr);
    }

    [Ipv6Fact]
    public void ScanOfSeveralHostsProbesEachNamedAddressAndReportsItsOwnListeners()
    {
        using var listeners = new LoopbackListeners();
        var v4 = listeners.Open(IPAddress.Loopback);
        var v6 = listeners.Open(IPAddress.IPv6Loopback);

        var run = Portcat.Run("scan", "127.0.0.1", "[::1]", "-p", $"{v4},{v6}", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = Output.ParseJson(run.Stdout);
        Assert.Equal(
            new[] { ("127.0.0.1", "127.0.0.1", v4), ("[::1]", "::1", v6) },
            rows.Select(r => (r.String("host")!, r.String("address")!, r.Int("port"))));
        Assert.Contains("2 open, 2 closed", run.Stderr);
    }

    [LinuxRootFact("ip")]
    public void ScanResolvesAHostNameInsideItsNamespaceAndLabelsResultsWithIt()
    {
        // Resolution happens in a private network namespace (hosts file only; DNS unreachable), and so does the probe.
        var run = Portcat.RunIsolated("scan", "localhost", "-p", "9", "--all-states", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var row = Assert.Single(Output.ParseJson(run.Stdout));
        Assert.Equal("localhost", row.String("host"));
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(row.String("address")!)), run.ToString());
        Assert.Equal("closed", row.String("state"));
    }

    [Fact]
    public void AllStatesCsvListsEveryProbedPortWithItsStateAndCatalogService()
    {
        using var listeners = new LoopbackListeners();
        var open = listeners.Open(IPAddress.Loopback);
        var closed = ProbeTargets.FreeTcpPort(IPAddress.Loopback);

        var run = Portcat.Run("scan", "127.0.0.1", "-p", $"{open},{closed}", "--all-states", "--format", "csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        var (header, rows) = Output.ParseCsv(run.Stdout);
        Assert.Equal(["host", "address", "port", "transport", "state", "service", "description"], header);
        Assert.Equal(
            new[] { (open, "open"), (closed, "closed") }.OrderBy(r => r.Item1),
            rows.Select(r => (int.Parse(r["port"], CultureInfo.InvariantCulture), r["state"])));
        foreach (var row in rows)
        {
            var port = int.Parse(row["port"], CultureInfo.InvariantCulture);
            var expected = WellKnownPorts.TryGetInfo(port, Transport.Tcp, out var info) ? info.ServiceName : string.Empty;
            Assert.Equal(expected, row["service"]);
        }
    }

    [Fact]
    public void UdpScanReportsAReplyingSocketOpenAndAnUnboundPortClosed()
    {
        using var echo = new UdpEchoServer(IPAddress.Loopback);
        var open = echo.Port;
        var closed = ProbeTargets.FreeUdpPort(IPAddress.Loopback);

        var run = Portcat.Run("scan", "127.0.0.1", "--udp", "-p", $"{open},{closed}", "--all-states", "--timeout", "2000", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            new[] { (open, "open"), (closed, "closed") }.OrderBy(r => r.Item1),
            Output.ParseJson(run.Stdout).Select(r => (r.Int("port"), r.String("state")!)));
        Assert.All(Output.ParseJson(run.Stdout), r => Assert.Equal("udp", r.String("transport")));
        Assert.Contains("1 open, 1 closed, 0 filtered, 0 open|filtered", run.Stderr);
    }

    [Fact]
    public void TableScanShowsTheCatalogServiceOfAnOpenWellKnownPortAndTheSummary()
    {
        // Listen on the first unprivileged catalog TCP port nothing on this machine holds.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var info = WellKnownPorts.All.ToArray().First(e => e.Port > 1024 && (e.Transports & Transport.Tcp) != 0 && TryBind(listener, e.Port));
        listener.Listen();

        var run = Portcat.Run("scan", "127.0.0.1", "-p", info.Port.ToString(CultureInfo.InvariantCulture));

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = Assert.Single(run.Stdout.Split('\n'), l => l.Contains($" {info.Port} ", StringComparison.Ordinal));
        Assert.Contains(info.ServiceName, line);
        Assert.Contains("open", line);
        Assert.Contains("Scanned 1 tcp port on 1 host", run.Stdout);
        Assert.Contains("1 open, 0 closed, 0 filtered", run.Stdout);
    }

    [LinuxProgramFact("prlimit")]
    public void AWindowLoweredToFitTheOpenFileLimitIsSaidOnceOnStderr()
    {
        using var listeners = new LoopbackListeners();
        var port = listeners.Open(IPAddress.Loopback);

        var run = Portcat.RunWith(["prlimit", "--nofile=128:128"], "scan", "127.0.0.1", "127.0.0.2", "-p", $"1-3000,{port}", "--window", "1024", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(run.Stderr.Split('\n'), l => l.StartsWith("portcat: note: --window 1,024 is lowered to ", StringComparison.Ordinal));
        Assert.Contains(Output.ParseJson(run.Stdout), r => r.Int("port") == port);
    }

    [Fact]
    public void AnUnloweredWindowIsNotMentioned()
    {
        var run = Portcat.Run("scan", "127.0.0.1", "-p", "1-10", "--window", "4", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("--window", run.Stderr);
    }

    private static bool TryBind(Socket socket, int port)
    {
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
