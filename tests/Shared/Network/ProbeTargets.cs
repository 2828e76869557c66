using System.Net;
using System.Net.Sockets;

namespace PortCatalog.Testing;

/// <summary>
/// Loopback ports with a known state, for anything that probes them (the engines, <c>portcat scan</c> and <c>wait</c>,
/// the health checks). Listeners and servers are their own types: <see cref="LoopbackListeners"/> (listen, never
/// accept), <see cref="AcceptingListener"/> (accept and close), <see cref="SilentTcpListener"/> (full queue: silence),
/// <see cref="UdpEchoServer"/>.
/// </summary>
internal static class ProbeTargets
{
    /// <summary>
    /// A TCP port on <paramref name="address"/> that nothing listens on: one the kernel just handed out and that was
    /// released again. (Another process could take it in between; that is rare, and a failure would name the port.)
    /// </summary>
    public static int FreeTcpPort(IPAddress address)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(address, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>A UDP port on <paramref name="address"/> that nothing is bound to (bound, then released).</summary>
    public static int FreeUdpPort(IPAddress address)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>
    /// A TCP socket bound to <paramref name="address"/> but not listening: a connect to <paramref name="port"/> is refused,
    /// and while it is held no other socket gets that port from bind(0).
    /// </summary>
    public static Socket BoundTcpSocket(IPAddress address, out int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(address, 0));
        port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        return socket;
    }

    /// <summary>A UDP socket that never answers: probes to <paramref name="port"/> get silence, not an ICMP error.</summary>
    public static Socket SilentUdpSocket(IPAddress address, out int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address, 0));
        port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        return socket;
    }
}
