using System.Net;
using System.Net.Sockets;

namespace PortCatalog.Testing;

/// <summary>
/// A listener whose accept queue is full, so the kernel drops new SYNs: a probe gets no answer and times out, as behind
/// a DROP rule, without needing root.
/// </summary>
internal sealed class SilentTcpListener : IDisposable
{
    private readonly Socket _listener;
    private readonly List<Socket> _fillers = new();

    public SilentTcpListener(IPAddress address)
    {
        _listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(address, 0));
        _listener.Listen(1);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;

        // Linux queues backlog + 1 connections (the queue is full when it holds more than the backlog): two fill it.
        for (var i = 0; i < 2; i++)
        {
            var filler = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            _fillers.Add(filler);
            filler.ConnectAsync(new IPEndPoint(address, Port)).Wait(TimeSpan.FromSeconds(1));
        }
    }

    public int Port { get; }

    public void Dispose()
    {
        foreach (var filler in _fillers)
        {
            filler.Dispose();
        }

        _listener.Dispose();
    }
}
