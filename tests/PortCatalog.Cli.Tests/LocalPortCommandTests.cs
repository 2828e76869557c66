using System.Net;
using System.Net.Sockets;

namespace PortCatalog.Cli.Tests;

public sealed class LocalPortCommandTests
{
    [LinuxFact]
    public void Listeners_json_includes_a_listener_the_test_opens()
    {
        using var listeners = new LoopbackListeners();
        var port = listeners.Open(IPAddress.Loopback);

        var run = Portcat.Run("listeners", "--transport", "tcp", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = Output.ParseJson(run.Stdout);
        Assert.Contains(rows, r => r.String("address") == "127.0.0.1" && r.Int("port") == port && r.String("transport") == "tcp");
        Assert.All(rows, r => Assert.Equal("tcp", r.String("transport")));
    }

    [Fact]
    public void Free_port_json_gives_a_port_that_can_be_bound()
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
