using System.Net;
using System.Net.Sockets;

namespace PortCatalog.Testing;

/// <summary>
/// TCP listeners a test opens on loopback, all closed on dispose. They listen and never accept: the kernel completes
/// the handshake, so a probe sees an open port, and a client that sends waits for an answer that never comes. For a port
/// nothing listens on, see <see cref="ProbeTargets.FreeTcpPort"/>.
/// </summary>
internal sealed class LoopbackListeners : IDisposable
{
    private readonly List<Socket> _sockets = [];

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
