using System.Net;
using System.Net.Sockets;

namespace PortCatalog.Cli.Tests;

/// <summary>TCP listeners a test opens on loopback, and loopback ports it knows to be closed; all closed on dispose.</summary>
internal sealed class LoopbackListeners : IDisposable
{
    private readonly List<Socket> _sockets = [];

    public List<int> Ports { get; } = [];

    /// <summary>Listens on an OS-chosen port of <paramref name="address"/> and returns the port.</summary>
    public int Open(IPAddress address, bool dualMode = false)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (dualMode)
        {
            socket.DualMode = true;
        }

        socket.Bind(new IPEndPoint(address, 0));
        socket.Listen();
        _sockets.Add(socket);
        var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        Ports.Add(port);
        return port;
    }

    /// <summary>
    /// A loopback port nothing listens on: one the OS just handed out and was released. (Another process could take it
    /// in between; on a test machine that is rare, and the failure would name the port.)
    /// </summary>
    public static int ClosedPort(IPAddress address)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(address, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public void Dispose()
    {
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }
    }
}
