using System.Net;
using System.Net.Sockets;
using PortCatalog.Probing;

namespace PortCatalog.Tests.Portable;

/// <summary>
/// On loopback the kernel may choose the destination port as the probe socket's own port; a TCP connect then succeeds
/// with the socket talking to itself, and a UDP probe receives its own datagram. These tests make that certain, not a one-in-28,000 chance, by narrowing the
/// ephemeral port range of a private network namespace to the one port being probed.
/// </summary>
public sealed class PortableProbeEngineSelfConnectTests
{
    private const int Port = 40000;

    [NetworkNamespaceFact]
    public void AConnectionToItselfIsClosedNotOpen()
    {
        var (plainConnectWasToItself, v4, v6) = NetworkNamespaceThread.Run(() =>
        {
            File.WriteAllText("/proc/sys/net/ipv4/ip_local_port_range", $"{Port} {Port}");

            // The control: a plain connect with nothing listening succeeds, to itself. Without it this test could pass
            // on a kernel that never self-connects and prove nothing.
            bool toItself;
            using (var plain = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
            {
                plain.LingerState = new LingerOption(true, 0); // no TIME_WAIT to block the only ephemeral port
                plain.Connect(IPAddress.Loopback, Port);
                toItself = plain.LocalEndPoint!.Equals(plain.RemoteEndPoint);
            }

            using var engine = new PortableProbeEngine();
            var overV4 = engine.ProbeTcpAsync(IPAddress.Loopback, Port, TimeSpan.FromSeconds(5), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            var overV6 = engine.ProbeTcpAsync(IPAddress.IPv6Loopback, Port, TimeSpan.FromSeconds(5), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return (toItself, overV4, overV6);
        });

        Assert.True(plainConnectWasToItself, "the namespace should force a self-connect; the test setup is wrong");
        Assert.Equal(PortState.Closed, v4);
        Assert.Equal(PortState.Closed, v6);
    }

    [NetworkNamespaceFact]
    public void AUdpProbeThatHearsItsOwnDatagramIsClosedNotOpen()
    {
        var (plainHeardItself, v4, v6) = NetworkNamespaceThread.Run(() =>
        {
            File.WriteAllText("/proc/sys/net/ipv4/ip_local_port_range", $"{Port} {Port}");

            // The control: a connected UDP socket bound to the probed port receives its own datagram.
            bool heardItself;
            using (var plain = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
            {
                plain.Connect(IPAddress.Loopback, Port);
                plain.Send(new byte[] { 42 });
                plain.ReceiveTimeout = 2000;
                heardItself = plain.Receive(new byte[4]) == 1 && plain.LocalEndPoint!.Equals(plain.RemoteEndPoint);
            }

            using var engine = new PortableProbeEngine();
            var overV4 = engine.ProbeUdpAsync(IPAddress.Loopback, Port, new byte[] { 1 }, TimeSpan.FromSeconds(2), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            var overV6 = engine.ProbeUdpAsync(IPAddress.IPv6Loopback, Port, new byte[] { 1 }, TimeSpan.FromSeconds(2), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return (heardItself, overV4, overV6);
        });

        Assert.True(plainHeardItself, "the namespace should make a UDP socket talk to itself; the test setup is wrong");
        Assert.Equal(PortState.Closed, v4);
        Assert.Equal(PortState.Closed, v6);
    }

    [NetworkNamespaceFact]
    public void AListenerOnThatPortIsStillOpen()
    {
        // The check compares endpoints; it must not turn a real listener on the same port into Closed.
        var state = NetworkNamespaceThread.Run(() =>
        {
            File.WriteAllText("/proc/sys/net/ipv4/ip_local_port_range", $"{Port} {Port + 1}");
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, Port));
            listener.Listen(8);

            using var engine = new PortableProbeEngine();
            return engine.ProbeTcpAsync(IPAddress.Loopback, Port, TimeSpan.FromSeconds(5), CancellationToken.None).AsTask().GetAwaiter().GetResult();
        });

        Assert.Equal(PortState.Open, state);
    }
}
