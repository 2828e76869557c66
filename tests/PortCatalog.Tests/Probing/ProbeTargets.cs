using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace PortCatalog.Tests.Probing;

/// <summary>
/// Loopback endpoints with a known state, for probe tests. Servers answer from native calls on their own threads so
/// they allocate nothing managed while probes are measured.
/// </summary>
internal static class ProbeTargets
{
    /// <summary>A port on <paramref name="address"/> that nothing listens on (bound, then released).</summary>
    public static int FreeTcpPort(IPAddress address)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(address, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>A UDP port on <paramref name="address"/> that nothing is bound to.</summary>
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

    /// <summary>
    /// The sockets this process has open, each as "descriptor -> socket:[inode]", so a socket closed and its number
    /// reused by a new one counts as new. Other descriptors are left out: the runtime maps assemblies it loads lazily
    /// (System.Net.NameResolution.dll appeared in the middle of a test) and that is no probe's doing.
    /// </summary>
    public static IReadOnlySet<string> OpenSockets()
    {
        var open = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo("/proc/self/fd").GetFileSystemInfos())
        {
            try
            {
                if (entry.LinkTarget is { } target && target.StartsWith("socket:", StringComparison.Ordinal))
                {
                    open.Add(entry.Name + " -> " + target);
                }
            }
            catch (IOException)
            {
                // Closed while we looked (the listing's own descriptor, or a runtime thread's): not ours to count.
            }
        }

        return open;
    }

    /// <summary>
    /// The open sockets once engines are idle: an engine may keep a few refused sockets for reuse and closes them when
    /// unused for a moment (the Linux engine: 100 ms), so a leak check starts from an idle state.
    /// </summary>
    public static IReadOnlySet<string> QuiescentSockets()
    {
        // Sockets that earlier tests left to the finalizer are closed now rather than in the middle of a measurement.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Thread.Sleep(300);
        return OpenSockets();
    }

    /// <summary>
    /// The sockets open now that were not open at <paramref name="baseline"/>, after waiting up to two seconds for
    /// closes that finish on other threads (a socket's descriptor closes when its last in-flight use lets go of the
    /// handle, which can trail the probe). Empty means nothing leaked. Sockets that closed meanwhile (one an earlier
    /// test left behind, a pooled one) do not matter: a leak check asks what is new, not how many there are.
    /// </summary>
    public static IReadOnlyList<string> SocketsOpenedSince(IReadOnlySet<string> baseline)
    {
        var opened = OpenSockets().Where(socket => !baseline.Contains(socket)).ToList();
        for (var attempt = 0; attempt < 100 && opened.Count > 0; attempt++)
        {
            Thread.Sleep(20);
            opened = OpenSockets().Where(socket => !baseline.Contains(socket)).ToList();
        }

        return opened;
    }
}

/// <summary>A TCP listener that accepts and closes every connection (from a native loop: no managed allocation).</summary>
internal sealed class AcceptingListener : IDisposable
{
    private readonly Socket _socket;
    private readonly Thread _thread;

    public AcceptingListener(IPAddress address)
    {
        _socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _socket.Bind(new IPEndPoint(address, 0));
        _socket.Listen(4096); // room for connections the accept thread has not reached yet on a busy machine
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        var fd = (int)_socket.Handle;
        _thread = new Thread(() =>
        {
            while (true)
            {
                var client = Native.Accept(fd, IntPtr.Zero, IntPtr.Zero);
                if (client < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Native.EINTR)
                    {
                        continue;
                    }

                    return;
                }

                Native.Close(client);
            }
        })
        { IsBackground = true, Name = "AcceptingListener" };
        _thread.Start();
    }

    public int Port { get; }

    public void Dispose()
    {
        // close() does not wake a thread blocked in accept() on Linux; shutdown() does.
        Native.Shutdown((int)_socket.Handle, Native.SHUT_RDWR);
        _thread.Join();
        _socket.Dispose();
    }
}

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

/// <summary>The libc calls the test servers and namespaces use.</summary>
internal static partial class Native
{
    public const int EINTR = 4;
    public const int SHUT_RDWR = 2;
    public const int CLONE_NEWNET = 0x40000000;

    [LibraryImport("libc", EntryPoint = "accept", SetLastError = true)]
    public static partial int Accept(int fd, IntPtr address, IntPtr addressLength);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "shutdown", SetLastError = true)]
    public static partial int Shutdown(int fd, int how);

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    public static partial int SetNs(int fd, int type);
}
