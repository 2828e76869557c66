using System.Net;
using System.Net.Sockets;

namespace PortCatalog.Testing;

/// <summary>A UDP socket that answers every datagram with a copy, like the echo service.</summary>
internal sealed class UdpEchoServer : IDisposable
{
    private readonly Socket _socket;
    private readonly Thread _thread;
    private volatile bool _stopping;

    public UdpEchoServer(IPAddress address)
    {
        _socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 100 };
        _socket.Bind(new IPEndPoint(address, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        _thread = new Thread(() =>
        {
            var buffer = new byte[2048];
            EndPoint sender = new IPEndPoint(address, 0);
            while (!_stopping)
            {
                try
                {
                    var length = _socket.ReceiveFrom(buffer, ref sender);
                    _socket.SendTo(buffer.AsSpan(0, length), sender);
                }
                catch (SocketException)
                {
                    // Receive timeout (checks _stopping) or an ICMP error from a probe that already left.
                }
            }
        })
        { IsBackground = true, Name = "UdpEchoServer" };
        _thread.Start();
    }

    public int Port { get; }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        _socket.Dispose();
    }
}
