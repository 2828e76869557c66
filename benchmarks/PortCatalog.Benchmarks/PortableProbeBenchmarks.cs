using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using PortCatalog.Probing;

namespace PortCatalog.Benchmarks;

/// <summary>
/// One probe at a time to a loopback port, through the portable engine and through a plain
/// <see cref="Socket.ConnectAsync(EndPoint)"/> per probe, the way an application would write it.
/// Bytes per probe (MemoryDiagnoser) is the figure the portable engine is held to (at most 600 B).
/// </summary>
/// <remarks>Run: dotnet run -c Release --project benchmarks/PortCatalog.Benchmarks -- --filter '*PortableProbe*'</remarks>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 12)]
public class PortableProbeBenchmarks
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private PortableProbeEngine _engine = null!;
    private Socket _listener = null!;
    private Socket _boundNotListening = null!;
    private Socket _udpEcho = null!;
    private IPEndPoint _open = null!;
    private IPEndPoint _closed = null!;
    private IPEndPoint _udpOpen = null!;
    private IPEndPoint _udpClosed = null!;
    private readonly byte[] _payload = [1];
    private Task _acceptLoop = Task.CompletedTask;
    private Task _echoLoop = Task.CompletedTask;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new PortableProbeEngine();

        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(4096);
        _open = (IPEndPoint)_listener.LocalEndPoint!;
        // Accepted connections stay queued even after the prober resets them; drain the queue so it never fills. On
        // Linux the drain is accept(2)/close(2) on a thread of its own, so the server side allocates nothing and the
        // MemoryDiagnoser's figure (which counts every thread) is the prober's alone.
        _acceptLoop = OperatingSystem.IsLinux() ? NativeLoops.StartAccept(_listener) : ManagedAcceptLoopAsync(_listener);

        _boundNotListening = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _boundNotListening.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _closed = (IPEndPoint)_boundNotListening.LocalEndPoint!;

        using (var released = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            released.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _udpClosed = (IPEndPoint)released.LocalEndPoint!; // bound, read, released: ICMP port unreachable from now on
        }

        _udpEcho = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _udpEcho.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _udpOpen = (IPEndPoint)_udpEcho.LocalEndPoint!;
        // Like the accept loop: on Linux the echo is recvfrom(2)/sendto(2) on a thread of its own, so the UDP figures are
        // the prober's alone (the managed ReceiveFromAsync/SendToAsync loop allocates per datagram).
        _echoLoop = OperatingSystem.IsLinux() ? NativeLoops.StartEcho(_udpEcho) : ManagedEchoLoopAsync(_udpEcho);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (OperatingSystem.IsLinux())
        {
            NativeLoops.Stop(_listener);
            NativeLoops.Stop(_udpEcho);
        }

        _listener.Dispose();
        _boundNotListening.Dispose();
        _udpEcho.Dispose();
        _engine.Dispose();
        Task.WaitAll([_acceptLoop, _echoLoop], TimeSpan.FromSeconds(5));
    }

    // The engine's state-only ValueTask is returned as is (its wrapper box is pooled): no async wrapper of our own.
    [Benchmark(Description = "portable engine, TCP open")]
    public ValueTask<PortState> PortableTcpOpen()
        => _engine.ProbeTcpStateAsync(_open.Address, _open.Port, Timeout, CancellationToken.None);

    [Benchmark(Description = "portable engine, TCP closed")]
    public ValueTask<PortState> PortableTcpClosed()
        => _engine.ProbeTcpStateAsync(_closed.Address, _closed.Port, Timeout, CancellationToken.None);

    [Benchmark(Description = "portable engine, UDP open (echo)")]
    public ValueTask<PortState> PortableUdpOpen()
        => _engine.ProbeUdpStateAsync(_udpOpen.Address, _udpOpen.Port, _payload, Timeout, CancellationToken.None);

    [Benchmark(Description = "portable engine, UDP closed")]
    public ValueTask<PortState> PortableUdpClosed()
        => _engine.ProbeUdpStateAsync(_udpClosed.Address, _udpClosed.Port, _payload, Timeout, CancellationToken.None);

    [Benchmark(Baseline = true, Description = "Socket.ConnectAsync, TCP open")]
    public async Task<PortState> SocketConnectOpen()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.LingerState = new LingerOption(true, 0);
        await socket.ConnectAsync(_open);
        return PortState.Open;
    }

    [Benchmark(Description = "Socket.ConnectAsync, TCP closed")]
    public async Task<PortState> SocketConnectClosed()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(_closed);
            return PortState.Open;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return PortState.Closed;
        }
    }

    private static Task ManagedEchoLoopAsync(Socket echo) => Task.Run(async () =>
    {
        var buffer = new byte[64];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (true)
        {
            try
            {
                var received = await echo.ReceiveFromAsync(buffer, SocketFlags.None, any);
                await echo.SendToAsync(buffer.AsMemory(0, received.ReceivedBytes), SocketFlags.None, received.RemoteEndPoint);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.OperationAborted or SocketError.Interrupted)
            {
                return;
            }
            catch (SocketException)
            {
            }
        }
    });

    private static async Task ManagedAcceptLoopAsync(Socket listener)
    {
        try
        {
            while (true)
            {
                (await listener.AcceptAsync()).Dispose();
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }

    private static class NativeLoops
    {
        private const int ShutdownReadWrite = 2;

        public static Task StartAccept(Socket listener)
        {
            var fd = (int)listener.Handle; // the listener stays blocking: no async operation ever touches it
            var thread = new Thread(() =>
            {
                while (true)
                {
                    var connection = Accept(fd, IntPtr.Zero, IntPtr.Zero);
                    if (connection < 0)
                    {
                        return; // shut down by Stop
                    }

                    Close(connection);
                }
            })
            { IsBackground = true, Name = "benchmark accept loop" };
            thread.Start();
            return Task.Run(thread.Join);
        }

        public static Task StartEcho(Socket echo)
        {
            var fd = (int)echo.Handle; // blocking, like the listener
            var thread = new Thread(() =>
            {
                var buffer = new byte[64];
                var address = new byte[128];
                while (true)
                {
                    var addressLength = address.Length;
                    var received = ReceiveFrom(fd, buffer, buffer.Length, 0, address, ref addressLength);
                    if (received <= 0)
                    {
                        return; // shut down by Stop (probes always send a byte)
                    }

                    _ = SendTo(fd, buffer, received, 0, address, addressLength);
                }
            })
            { IsBackground = true, Name = "benchmark echo loop" };
            thread.Start();
            return Task.Run(thread.Join);
        }

        /// <summary>Wakes the accept(2) or recvfrom(2) blocked in a loop (closing the descriptor would not, on Linux).</summary>
        public static void Stop(Socket listener) => _ = Shutdown((int)listener.Handle, ShutdownReadWrite);

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "accept")]
        private static extern int Accept(int fd, IntPtr address, IntPtr addressLength);

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "close")]
        private static extern int Close(int fd);

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "recvfrom")]
        private static extern int ReceiveFrom(int fd, byte[] buffer, int length, int flags, byte[] address, ref int addressLength);

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "sendto")]
        private static extern int SendTo(int fd, byte[] buffer, int length, int flags, byte[] address, int addressLength);

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "shutdown")]
        private static extern int Shutdown(int fd, int how);
    }
}
