using System.Net;
using System.Net.Sockets;

namespace PortCatalog.Tests.Probing;

/// <summary>Loopback peers the probe tests aim at: each owns its port for as long as the test holds it.</summary>
internal static class LoopbackPeers
{
    public static IPAddress Loopback(AddressFamily family)
        => family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;

    /// <summary>A listening TCP socket: probes to its port find it open.</summary>
    public static TcpListener OpenTcpPort(AddressFamily family, out int port)
    {
        var listener = new TcpListener(Loopback(family), 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }

    /// <summary>
    /// A TCP socket bound but not listening: the kernel answers a connect to its port with RST. While the test holds
    /// it, bind(0) never hands the port to another socket, so only a deliberate bind to that number could open it.
    /// </summary>
    public static Socket ClosedTcpPort(AddressFamily family, out int port)
    {
        var socket = new Socket(family, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(Loopback(family), 0));
        port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        return socket;
    }

    /// <summary>A UDP socket that never answers: probes to it get silence, not an ICMP error.</summary>
    public static Socket SilentUdpPort(AddressFamily family, out int port)
    {
        var socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(Loopback(family), 0));
        port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        return socket;
    }

    /// <summary>A UDP port nobody is bound to (bound, read, released), so the kernel answers ICMP port unreachable.</summary>
    public static int ClosedUdpPort(AddressFamily family)
    {
        using var socket = SilentUdpPort(family, out var port);
        return port;
    }

    /// <summary>A UDP echo server: every datagram, even an empty one, is sent back to its sender.</summary>
    public static UdpEcho StartUdpEcho(AddressFamily family) => new(Loopback(family));

    public sealed class UdpEcho : IDisposable
    {
        private readonly Socket _socket;
        private readonly Task _loop;
        private int _received;

        public UdpEcho(IPAddress address)
        {
            _socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            _socket.Bind(new IPEndPoint(address, 0));
            Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
            _loop = Task.Run(EchoAsync);
        }

        public int Port { get; }

        /// <summary>How many datagrams the echo has received.</summary>
        public int Received => Volatile.Read(ref _received);

        public void Dispose()
        {
            _socket.Dispose();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }

        private async Task EchoAsync()
        {
            var buffer = new byte[2048];
            EndPoint any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
            while (true)
            {
                try
                {
                    var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any);
                    Interlocked.Increment(ref _received);
                    await _socket.SendToAsync(buffer.AsMemory(0, received.ReceivedBytes), SocketFlags.None, received.RemoteEndPoint);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.OperationAborted or SocketError.Interrupted)
                {
                    return; // disposed while waiting
                }
                catch (SocketException)
                {
                    // The prober went away before the echo (ICMP back to us); keep serving.
                }
            }
        }
    }
}
