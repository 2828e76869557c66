using System.Net;

namespace PortCatalog.Tests.Probing;

/// <summary>Bad arguments fail at once, before any socket is made, with the parameter named.</summary>
public sealed class ProbeArgumentTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    [InlineData(int.MaxValue)]
    public void PortsOutside0To65535AreRejected(int port)
    {
        Assert.Equal("port", Assert.Throws<ArgumentOutOfRangeException>(() => PortProbe.ProbeTcpAsync(IPAddress.Loopback, port, Second)).ParamName);
        Assert.Equal("port", Assert.Throws<ArgumentOutOfRangeException>(() => PortProbe.ProbeUdpAsync(IPAddress.Loopback, port, Second)).ParamName);
        Assert.Equal("port", Assert.Throws<ArgumentOutOfRangeException>(() => PortProbe.ProbeUdpAsync(IPAddress.Loopback, port, ReadOnlyMemory<byte>.Empty, Second)).ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void TimeoutsThatAreNotPositiveAreRejected(int milliseconds)
    {
        var timeout = TimeSpan.FromMilliseconds(milliseconds);

        Assert.Equal("timeout", Assert.Throws<ArgumentOutOfRangeException>(() => PortProbe.ProbeTcpAsync(IPAddress.Loopback, 80, timeout)).ParamName);
        Assert.Equal("timeout", Assert.Throws<ArgumentOutOfRangeException>(() => PortProbe.ProbeUdpAsync(IPAddress.Loopback, 80, timeout)).ParamName);
        Assert.Equal("Timeout", Assert.Throws<ArgumentOutOfRangeException>(() => new PortScanOptions { Timeout = timeout }).ParamName);
    }

    [Fact]
    public void NullTargetsAreRejected()
    {
        Assert.Equal("address", Assert.Throws<ArgumentNullException>(() => PortProbe.ProbeTcpAsync((IPAddress)null!, 80, Second)).ParamName);
        Assert.Equal("endPoint", Assert.Throws<ArgumentNullException>(() => PortProbe.ProbeTcpAsync((IPEndPoint)null!, Second)).ParamName);
        Assert.Equal("address", Assert.Throws<ArgumentNullException>(() => PortProbe.ProbeUdpAsync((IPAddress)null!, 80, Second)).ParamName);
        Assert.Equal("endPoint", Assert.Throws<ArgumentNullException>(() => PortProbe.ProbeUdpAsync((IPEndPoint)null!, Second)).ParamName);
    }

    [Fact]
    public void ScannerArgumentsAreCheckedWhenTheScanIsRequested()
    {
        using var scanner = new PortScanner();

        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new PortScanner(null!)).ParamName);
        Assert.Equal("host", Assert.Throws<ArgumentNullException>(() => scanner.ScanAsync((IPAddress)null!, PortSet.All)).ParamName);
        Assert.Equal("hosts", Assert.Throws<ArgumentNullException>(() => scanner.ScanAsync((IEnumerable<IPAddress>)null!, PortSet.All)).ParamName);
        Assert.Equal("hosts", Assert.Throws<ArgumentException>(() => scanner.ScanAsync(Array.Empty<IPAddress>(), PortSet.All)).ParamName);
        Assert.Equal("hosts", Assert.Throws<ArgumentException>(() => scanner.ScanAsync(new IPAddress[] { IPAddress.Loopback, null! }, PortSet.All)).ParamName);
        Assert.Equal("ports", Assert.Throws<ArgumentNullException>(() => scanner.ScanAsync(IPAddress.Loopback, null!)).ParamName);
        Assert.Equal("ports", Assert.Throws<ArgumentNullException>(() => { _ = scanner.RunAsync(IPAddress.Loopback, null!); }).ParamName);
    }

    [Fact]
    public void ScanOptionsRejectValuesThatCannotWork()
    {
        Assert.Equal("Window", Assert.Throws<ArgumentOutOfRangeException>(() => new PortScanOptions { Window = 0 }).ParamName);
        Assert.Equal("Retries", Assert.Throws<ArgumentOutOfRangeException>(() => new PortScanOptions { Retries = -1 }).ParamName);
        Assert.Equal("Transports", Assert.Throws<ArgumentOutOfRangeException>(() => new PortScanOptions { Transports = Transport.None }).ParamName);
        Assert.Equal("Transports", Assert.Throws<ArgumentOutOfRangeException>(() => new PortScanOptions { Transports = Transport.Sctp }).ParamName);
    }

    [Theory]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.250")]
    [InlineData("255.255.255.255")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:224.0.0.1")]
    public void MulticastAndBroadcastDestinationsAreRefusedBeforeAnythingIsSent(string address)
    {
        var ip = IPAddress.Parse(address);
        using var scanner = new PortScanner();

        foreach (var probe in new Func<object>[]
        {
            () => PortProbe.ProbeTcpAsync(ip, 80, Second),
            () => PortProbe.ProbeUdpAsync(ip, 80, Second),
            () => PortProbe.ProbeAsync(ip, 80, Transport.Udp, Second),
        })
        {
            var error = Assert.Throws<ArgumentException>(probe);
            Assert.Equal("address", error.ParamName);
            Assert.Contains("not a single host", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal("hosts", Assert.Throws<ArgumentException>(() => scanner.ScanAsync(ip, PortSet.All)).ParamName);
    }
}
