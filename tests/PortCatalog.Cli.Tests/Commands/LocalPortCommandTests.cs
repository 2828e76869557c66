using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PortCatalog.Cli.Tests.Infrastructure;

namespace PortCatalog.Cli.Tests.Commands;

public sealed class LocalPortCommandTests
{
    [LinuxFact]
    public void ListenersJsonIncludesAListenerTheTestOpens()
    {
        using var listeners = new LoopbackListeners();
        var port = listeners.Open(IPAddress.Loopback);

        var run = Portcat.Run("listeners", "--transport", "tcp", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = Output.ParseJson(run.Stdout);
        Assert.Contains(rows, r => r.String("address") == "127.0.0.1" && r.Int("port") == port && r.String("transport") == "tcp");
        Assert.All(rows, r => Assert.Equal("tcp", r.String("transport")));
    }

    [LinuxFact]
    public void ListenersNameTheOwningProcessOfASocketThisUserOwns()
    {
        using var listeners = new LoopbackListeners();
        var v4 = listeners.Open(IPAddress.Loopback);
        using var udp = ProbeTargets.SilentUdpSocket(IPAddress.IPv6Loopback, out var v6);

        var run = Portcat.Run("listeners", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = Output.ParseJson(run.Stdout);
        var name = File.ReadAllText($"/proc/{Environment.ProcessId}/comm").Trim();
        foreach (var (address, port, transport) in new[] { ("127.0.0.1", v4, "tcp"), ("::1", v6, "udp") })
        {
            var row = Assert.Single(rows, r => r.String("address") == address && r.Int("port") == port && r.String("transport") == transport);
            Assert.Equal(Environment.ProcessId, row.Int("pid"));
            Assert.Equal(name, row.String("process"));
        }
    }

    [Fact]
    public void FreePortPrintsABareNumberWhenStdoutIsNotATerminal()
    {
        var run = Portcat.Run("free-port");

        Assert.True(run.ExitCode == 0, run.ToString());
        var port = int.Parse(run.Stdout.TrimEnd('\n'), NumberStyles.None, CultureInfo.InvariantCulture);
        Assert.InRange(port, 1, 65535);
        Assert.Equal($"{port}\n", run.Stdout);
    }

    [Fact]
    public void FreePortJsonGivesAPortThatCanBeBound()
    {
        var run = Portcat.Run("free-port", "--transport", "tcp/udp", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var row = Assert.Single(Output.ParseJson(run.Stdout));
        Assert.Equal("tcp/udp", row.String("transport"));
        var port = row.Int("port");
        Assert.InRange(port, 1, 65535);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
    }
}
