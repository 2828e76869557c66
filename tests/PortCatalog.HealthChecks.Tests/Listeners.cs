using System.Net;
using System.Net.Sockets;

namespace PortCatalog.HealthChecks.Tests;

/// <summary>Loopback ports for the checks to probe: one that listens, and one that nothing listens on.</summary>
internal static class Listeners
{
    /// <summary>A listening socket on 127.0.0.1 (the kernel completes handshakes without an accept loop).</summary>
    public static Socket Open(IPAddress? address = null)
    {
        address ??= IPAddress.Loopback;
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(address, 0));
        socket.Listen(512);
        return socket;
    }

    /// <summary>A port nothing listens on now (bound, then released; another process could take it, which is unlikely).</summary>
    public static int Closed()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public static int PortOf(Socket socket) => ((IPEndPoint)socket.LocalEndPoint!).Port;
}
