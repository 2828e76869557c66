using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using PortCatalog.Probing;

namespace PortCatalog.Benchmarks;

/// <summary>
/// One probe at a time to a loopback port, through the portable engine and through a plain
/// <see cref="Socket.ConnectAsync(EndPoint)"/> per probe, the way an application would write it.
/// Bytes per probe (MemoryDiagnoser) is the figure the portable engine is held to (at most 700 B).
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
        // Accepted connections stay queued even after the prober resets them; drain the queue so it never fills.
        _acceptLoop = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    (await _listener.AcceptAsync()).Dispose();
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
        });

        _boundNotListening = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _boundNotListening.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _closed = (IPEndPoint)_boundNotListening.LocalEndPoint!;

        _udpEcho = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _udpEcho.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _udpOpen = (IPEndPoint)_udpEcho.LocalEndPoint!;
        _echoLoop = Task.Run(async () =>
        {
            var buffer = new byte[64];
            EndPoint any = new IPEndPoint(IPAddress.Any, 0);
            while (true)
            {
                try
                {
                    var received = await _udpEcho.ReceiveFromAsync(buffer, SocketFlags.None, any);
                    await _udpEcho.SendToAsync(buffer.AsMemory(0, received.ReceivedBytes), SocketFlags.None, received.RemoteEndPoint);
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
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _listener.Dispose();
        _boundNotListening.Dispose();
        _udpEcho.Dispose();
        _engine.Dispose();
        Task.WaitAll([_acceptLoop, _echoLoop], TimeSpan.FromSeconds(5));
    }

    [Benchmark(Description = "portable engine, TCP open")]
    public async Task<PortState> PortableTcpOpen()
        => await _engine.ProbeTcpAsync(_open.Address, _open.Port, Timeout, CancellationToken.None);

    [Benchmark(Description = "portable engine, TCP closed")]
    public async Task<PortState> PortableTcpClosed()
        => await _engine.ProbeTcpAsync(_closed.Address, _closed.Port, Timeout, CancellationToken.None);

    [Benchmark(Description = "portable engine, UDP open (echo)")]
    public async Task<PortState> PortableUdpOpen()
        => await _engine.ProbeUdpAsync(_udpOpen.Address, _udpOpen.Port, _payload, Timeout, CancellationToken.None);

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
}
