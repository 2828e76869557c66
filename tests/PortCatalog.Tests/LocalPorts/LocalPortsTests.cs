using System.Net;
using System.Net.Sockets;

namespace PortCatalog.Tests.LocalPorts;

public sealed class LocalPortsTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void ATcpListenerIsFoundAmongTheTcpListeners(string address)
    {
        var loopback = IPAddress.Parse(address);
        var listener = new TcpListener(loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;

            var found = Assert.Single(PortCatalog.LocalPorts.GetListeners(Transport.Tcp), l => l.Port == port && l.Address.Equals(loopback));
            Assert.Equal(Transport.Tcp, found.Transport);
            Assert.DoesNotContain(PortCatalog.LocalPorts.GetListeners(Transport.Udp), l => l.Port == port && l.Address.Equals(loopback));
            Assert.Contains(PortCatalog.LocalPorts.GetListeners(), l => l == found);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void ABoundUdpSocketIsFoundAmongTheUdpListeners(string address)
    {
        var loopback = IPAddress.Parse(address);
        using var udp = new UdpClient(new IPEndPoint(loopback, 0));
        var port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;

        var found = Assert.Single(PortCatalog.LocalPorts.GetListeners(Transport.Udp), l => l.Port == port && l.Address.Equals(loopback));
        Assert.Equal(Transport.Udp, found.Transport);
        Assert.DoesNotContain(PortCatalog.LocalPorts.GetListeners(Transport.Tcp), l => l.Port == port && l.Address.Equals(loopback));
    }

    [LinuxFact]
    public void AConnectedUdpSocketIsNotAListener()
    {
        // Only Linux's tables say whether a UDP socket is connected; IPGlobalProperties lists every bound one.
        using var target = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var connected = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        connected.Connect((IPEndPoint)target.Client.LocalEndPoint!);
        var port = ((IPEndPoint)connected.Client.LocalEndPoint!).Port;

        var listeners = PortCatalog.LocalPorts.GetListeners(Transport.Udp);

        Assert.Contains(listeners, l => l.Port == ((IPEndPoint)target.Client.LocalEndPoint!).Port);
        Assert.DoesNotContain(listeners, l => l.Port == port);
    }

    [Fact]
    public void ListenersAreSortedByPortAndDistinct()
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        var listeners = PortCatalog.LocalPorts.GetListeners();

        Assert.NotEmpty(listeners);
        Assert.Equal(listeners.OrderBy(l => l.Port).Select(l => l.Port), listeners.Select(l => l.Port));
        Assert.Equal(listeners.Count, listeners.Distinct().Count());
        Assert.All(listeners, l => Assert.InRange(l.Port, 1, 65535));
        Assert.All(listeners, l => Assert.True(l.Transport is Transport.Tcp or Transport.Udp));
    }

    [Fact]
    public void AListenersServiceIsTheCatalogsEntryForItsPortAndTransport()
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        foreach (var listener in PortCatalog.LocalPorts.GetListeners())
        {
            var known = CatalogLookup.TryGetInfo(listener.Port, listener.Transport, out var info);
            Assert.Equal(known ? info : null, listener.Service);
        }
    }

    [Fact]
    public void ATcpPortWithAListenerIsUnavailableUntilTheListenerStops()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        Assert.False(PortCatalog.LocalPorts.IsAvailable(port, Transport.Tcp));
        Assert.False(PortCatalog.LocalPorts.IsAvailable(port, Transport.Tcp | Transport.Udp));

        listener.Stop();

        Assert.True(PortCatalog.LocalPorts.IsAvailable(port, Transport.Tcp));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void AUdpPortWithABoundSocketIsUnavailableUntilItCloses(string address)
    {
        var udp = new UdpClient(new IPEndPoint(IPAddress.Parse(address), 0));
        var port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;

        Assert.False(PortCatalog.LocalPorts.IsAvailable(port, Transport.Udp));

        udp.Dispose();

        Assert.True(PortCatalog.LocalPorts.IsAvailable(port, Transport.Udp));
    }

    [Theory]
    [InlineData(Transport.Tcp)]
    [InlineData(Transport.Udp)]
    [InlineData(Transport.Tcp | Transport.Udp)]
    public void AFreePortCanBeBoundForTheTransportsAskedFor(Transport transport)
    {
        var port = PortCatalog.LocalPorts.GetFreePort(transport);

        Assert.InRange(port, 1, 65535);
        if (transport.HasFlag(Transport.Tcp))
        {
            var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            listener.Stop();
        }

        if (transport.HasFlag(Transport.Udp))
        {
            using var udp = new UdpClient(new IPEndPoint(IPAddress.Any, port));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65536)]
    [InlineData(int.MinValue)]
    public void IsAvailableRejectsANumberThatIsNotAPort(int port)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PortCatalog.LocalPorts.IsAvailable(port, Transport.Tcp));
        Assert.Equal("port", error.ParamName);
    }

    [Theory]
    [InlineData(Transport.None)]
    [InlineData(Transport.Sctp)]
    [InlineData(Transport.Dccp)]
    [InlineData(Transport.Tcp | Transport.Sctp)]
    [InlineData((Transport)64)]
    public void TransportsOtherThanTcpAndUdpAreRejectedNamingTheArgument(Transport transport)
    {
        Assert.Equal("transport", Assert.Throws<ArgumentOutOfRangeException>(() => PortCatalog.LocalPorts.IsAvailable(80, transport)).ParamName);
        Assert.Equal("transport", Assert.Throws<ArgumentOutOfRangeException>(() => PortCatalog.LocalPorts.GetFreePort(transport)).ParamName);
        Assert.Equal("filter", Assert.Throws<ArgumentOutOfRangeException>(() => PortCatalog.LocalPorts.GetListeners(transport)).ParamName);
    }
}
