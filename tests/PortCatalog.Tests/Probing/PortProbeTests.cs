using System.Net;

namespace PortCatalog.Tests.Probing;

/// <summary>The public one-probe API over the default engine, through each overload.</summary>
[Collection(ProbeCollection.Name)]
public sealed class PortProbeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task TcpOverloadsFindOpenAndClosedPorts()
    {
        using var listener = new AcceptingListener(IPAddress.IPv6Loopback);
        var closed = ProbeTargets.FreeTcpPort(IPAddress.IPv6Loopback);

        Assert.Equal(PortState.Open, await PortProbe.ProbeTcpAsync(new IPEndPoint(IPAddress.IPv6Loopback, listener.Port), Timeout));
        Assert.Equal(PortState.Closed, await PortProbe.ProbeTcpAsync(IPAddress.IPv6Loopback, closed, Timeout));
    }

    [Fact]
    public async Task UdpOverloadsSendTheDefaultOrAGivenPayload()
    {
        using var echo = new UdpEchoServer(IPAddress.Loopback);
        var closed = ProbeTargets.FreeUdpPort(IPAddress.Loopback);

        // The default payload for a port without a built-in one is an empty datagram, which the echo service answers too.
        Assert.Equal(PortState.Open, await PortProbe.ProbeUdpAsync(new IPEndPoint(IPAddress.Loopback, echo.Port), Timeout));
        Assert.Equal(PortState.Open, await PortProbe.ProbeUdpAsync(IPAddress.Loopback, echo.Port, new byte[] { 1, 2, 3 }, Timeout));
        Assert.Equal(PortState.Closed, await PortProbe.ProbeUdpAsync(IPAddress.Loopback, closed, Timeout));
    }
}
