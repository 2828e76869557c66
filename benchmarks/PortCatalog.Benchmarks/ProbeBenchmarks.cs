using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using PortCatalog;

namespace PortCatalog.Benchmarks;

/// <summary>
/// One TCP probe of a loopback port, open (a listener that accepts and closes, natively, so it allocates nothing managed
/// itself) and closed, by PortProbe (the Linux epoll engine on Linux) against a plain Socket.ConnectAsync with the same
/// reset-on-close linger. MemoryDiagnoser counts managed bytes per probe.
/// Run: dotnet run -c Release --project benchmarks/PortCatalog.Benchmarks -- --filter '*ProbeBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public partial class ProbeBenchmarks
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private Socket _listener = null!;
    private Thread _acceptor = null!;
    private IPEndPoint _open = null!;
    private IPEndPoint _closed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(1024);
        _open = (IPEndPoint)_listener.LocalEndPoint!;
        var fd = (int)_listener.Handle;
        _acceptor = new Thread(() =>
        {
            while (true)
            {
                var client = Accept(fd, IntPtr.Zero, IntPtr.Zero);
                if (client < 0)
                {
                    if (Marshal.GetLastPInvokeError() == 4)
                    {
                        continue; // EINTR
                    }

                    return;
                }

                Close(client);
            }
        })
        { IsBackground = true };
        _acceptor.Start();

        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _closed = (IPEndPoint)probe.LocalEndPoint!;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Shutdown((int)_listener.Handle, 2);
        _acceptor.Join();
        _listener.Dispose();
    }

    [Benchmark]
    public ValueTask<PortState> PortProbe_Open() => PortProbe.ProbeTcpAsync(_open.Address, _open.Port, Timeout);

    [Benchmark]
    public ValueTask<PortState> PortProbe_Closed() => PortProbe.ProbeTcpAsync(_closed.Address, _closed.Port, Timeout);

    [Benchmark(Baseline = true)]
    public Task<PortState> SocketConnectAsync_Open() => ConnectAsync(_open);

    [Benchmark]
    public Task<PortState> SocketConnectAsync_Closed() => ConnectAsync(_closed);

    private static async Task<PortState> ConnectAsync(IPEndPoint endPoint)
    {
        using var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { LingerState = new LingerOption(true, 0) };
        try
        {
            await socket.ConnectAsync(endPoint);
            return PortState.Open;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return PortState.Closed;
        }
    }

    [LibraryImport("libc", EntryPoint = "accept", SetLastError = true)]
    private static partial int Accept(int fd, IntPtr address, IntPtr addressLength);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "shutdown")]
    private static partial int Shutdown(int fd, int how);
}
