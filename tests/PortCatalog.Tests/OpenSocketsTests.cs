using System.Net;
using System.Net.Sockets;
using PortCatalog.Tests.Probing;

namespace PortCatalog.Tests;

/// <summary>The leak check the probe tests rely on (tests/Shared <see cref="OpenSockets"/>) must see a socket left open, and only that.</summary>
[Collection(ProbeCollection.Name)]
public sealed class OpenSocketsTests
{
    [LinuxFact]
    public void ASocketOpenedAfterTheBaselineIsReportedUntilItIsClosed()
    {
        using var earlier = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var baseline = OpenSockets.WhenIdle();
        earlier.Dispose();   // closing a socket that was open at the baseline is no leak

        var leaked = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        leaked.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var opened = Assert.Single(OpenSockets.OpenedSince(baseline));
        Assert.StartsWith(leaked.Handle.ToInt32() + " -> socket:[", opened, StringComparison.Ordinal);

        leaked.Dispose();
        Assert.Empty(OpenSockets.OpenedSince(baseline));
    }
}
