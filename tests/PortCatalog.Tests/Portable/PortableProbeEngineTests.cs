using System.Net;
using System.Net.Sockets;
using PortCatalog.Probing;

namespace PortCatalog.Tests.Portable;

/// <summary>The portable engine on its own, against loopback peers whose state the test controls.</summary>
public sealed class PortableProbeEngineTests : IDisposable
{
    // Loopback answers in microseconds; the timeout only bounds a broken test.
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(5);

    private readonly PortableProbeEngine _engine = new();

    public static TheoryData<AddressFamily> Families => new() { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 };

    public void Dispose() => _engine.Dispose();

    [Theory]
    [MemberData(nameof(Families))]
    public async Task TcpProbeOfAListeningPortIsOpen(AddressFamily family)
    {
        using var listener = LoopbackPeers.OpenTcpPort(family, out var port);

        var state = await _engine.ProbeTcpAsync(LoopbackPeers.Loopback(family), port, Patient, CancellationToken.None);

        Assert.Equal(PortState.Open, state);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public async Task TcpProbeOfABoundButNotListeningPortIsClosed(AddressFamily family)
    {
        using var bound = LoopbackPeers.ClosedTcpPort(family, out var port);

        var state = await _engine.ProbeTcpAsync(LoopbackPeers.Loopback(family), port, Patient, CancellationToken.None);

        Assert.Equal(PortState.Closed, state);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public async Task TcpProbeResetsTheConnectionItOpened(AddressFamily family)
    {
        using var listener = LoopbackPeers.OpenTcpPort(family, out var port);

        Assert.Equal(PortState.Open, await _engine.ProbeTcpAsync(LoopbackPeers.Loopback(family), port, Patient, CancellationToken.None));

        // SO_LINGER {1, 0}: the accepted connection sees a reset, not an orderly FIN (which a read reports as 0 bytes).
        using var accepted = await listener.AcceptSocketAsync().WaitAsync(Patient);
        var error = await Assert.ThrowsAsync<SocketException>(async () => await accepted.ReceiveAsync(new byte[1], SocketFlags.None).WaitAsync(Patient));
        Assert.Equal(SocketError.ConnectionReset, error.SocketErrorCode);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public async Task UdpProbeThatGetsAReplyIsOpen(AddressFamily family)
    {
        using var echo = LoopbackPeers.StartUdpEcho(family);

        var state = await _engine.ProbeUdpAsync(LoopbackPeers.Loopback(family), echo.Port, new byte[] { 1, 2, 3 }, Patient, CancellationToken.None);

        Assert.Equal(PortState.Open, state);
        Assert.Equal(1, echo.Received);
    }

    [Fact]
    public async Task UdpProbeWithAnEmptyPayloadSendsAnEmptyDatagramAndSeesTheReply()
    {
        using var echo = LoopbackPeers.StartUdpEcho(AddressFamily.InterNetwork);

        var state = await _engine.ProbeUdpAsync(IPAddress.Loopback, echo.Port, ReadOnlyMemory<byte>.Empty, Patient, CancellationToken.None);

        Assert.Equal(PortState.Open, state);
    }

    [Fact]
    public async Task UdpReplyLongerThanTheReceiveBufferStillCountsAsOpen()
    {
        using var echo = LoopbackPeers.StartUdpEcho(AddressFamily.InterNetwork);

        var state = await _engine.ProbeUdpAsync(IPAddress.Loopback, echo.Port, new byte[1200], Patient, CancellationToken.None);

        Assert.Equal(PortState.Open, state);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public async Task UdpProbeOfAPortNobodyHoldsIsClosed(AddressFamily family)
    {
        var port = LoopbackPeers.ClosedUdpPort(family);

        var state = await _engine.ProbeUdpAsync(LoopbackPeers.Loopback(family), port, new byte[] { 0 }, Patient, CancellationToken.None);

        Assert.Equal(PortState.Closed, state);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public async Task UdpProbeOfASilentPortIsOpenOrFilteredAfterTheTimeout(AddressFamily family)
    {
        using var silent = LoopbackPeers.SilentUdpPort(family, out var port);
        var timeout = TimeSpan.FromMilliseconds(200);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var state = await _engine.ProbeUdpAsync(LoopbackPeers.Loopback(family), port, new byte[] { 0 }, timeout, CancellationToken.None);

        Assert.Equal(PortState.OpenOrFiltered, state);
        Assert.True(started.Elapsed >= timeout - TimeSpan.FromMilliseconds(20), $"answered after {started.Elapsed}, before the {timeout} timeout");
        Assert.True(silent.Available > 0, "the probe's datagram should wait, unread, at the silent port");
    }

    [Fact]
    public async Task CancellingAPendingProbeThrowsOperationCanceledAndClosesItsSocket()
    {
        using var silent = LoopbackPeers.SilentUdpPort(AddressFamily.InterNetwork, out var port);
        using var cts = new CancellationTokenSource();

        var probe = _engine.ProbeUdpAsync(IPAddress.Loopback, port, new byte[] { 0 }, TimeSpan.FromMinutes(5), cts.Token).AsTask();
        await Task.Delay(50);
        Assert.False(probe.IsCompleted);
        cts.Cancel();

        var canceled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => probe.WaitAsync(Patient));
        Assert.Equal(cts.Token, canceled.CancellationToken);
    }

    [Fact]
    public async Task AnAlreadyCanceledTokenThrowsWithoutProbing()
    {
        using var echo = LoopbackPeers.StartUdpEcho(AddressFamily.InterNetwork);
        var canceled = new CancellationToken(canceled: true);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await _engine.ProbeTcpAsync(IPAddress.Loopback, echo.Port, Patient, canceled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await _engine.ProbeUdpAsync(IPAddress.Loopback, echo.Port, new byte[] { 0 }, Patient, canceled));
        Assert.Equal(0, echo.Received);
    }

    [Fact]
    public async Task ARecycledOperationIsNotTimedOutOrCanceledByItsPreviousProbe()
    {
        // Short timeouts and cancellations leave late timer ticks and callbacks behind; the next probes that reuse the
        // pooled operations must still see their own outcome.
        using var silent = LoopbackPeers.SilentUdpPort(AddressFamily.InterNetwork, out var silentPort);
        using var listener = LoopbackPeers.OpenTcpPort(AddressFamily.InterNetwork, out var openPort);
        using var bound = LoopbackPeers.ClosedTcpPort(AddressFamily.InterNetwork, out var closedPort);

        for (var round = 0; round < 20; round++)
        {
            var timedOut = _engine.ProbeUdpAsync(IPAddress.Loopback, silentPort, new byte[] { 0 }, TimeSpan.FromMilliseconds(1), CancellationToken.None);
            Assert.Equal(PortState.OpenOrFiltered, await timedOut);

            using var cts = new CancellationTokenSource();
            var canceled = _engine.ProbeUdpAsync(IPAddress.Loopback, silentPort, new byte[] { 0 }, Patient, cts.Token).AsTask();
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => canceled);

            Assert.Equal(PortState.Open, await _engine.ProbeTcpAsync(IPAddress.Loopback, openPort, Patient, CancellationToken.None));
            Assert.Equal(PortState.Closed, await _engine.ProbeTcpAsync(IPAddress.Loopback, closedPort, Patient, CancellationToken.None));
        }
    }

    [Fact]
    public async Task ConcurrentProbesEachGetTheirOwnOutcome()
    {
        using var listener = LoopbackPeers.OpenTcpPort(AddressFamily.InterNetwork, out var openPort);
        using var bound = LoopbackPeers.ClosedTcpPort(AddressFamily.InterNetworkV6, out var closedPort);
        using var echo = LoopbackPeers.StartUdpEcho(AddressFamily.InterNetwork);

        var probes = new List<(PortState Expected, Task<PortState> Actual)>();
        for (var i = 0; i < 300; i++)
        {
            probes.Add((PortState.Open, _engine.ProbeTcpAsync(IPAddress.Loopback, openPort, Patient, CancellationToken.None).AsTask()));
            probes.Add((PortState.Closed, _engine.ProbeTcpAsync(IPAddress.IPv6Loopback, closedPort, Patient, CancellationToken.None).AsTask()));
            if (i % 3 == 0)
            {
                // Fewer UDP probes: a burst of hundreds of datagrams overflows the echo socket's receive buffer, and
                // the kernel drops the rest, which would be an honest OpenOrFiltered.
                probes.Add((PortState.Open, _engine.ProbeUdpAsync(IPAddress.Loopback, echo.Port, new byte[] { 7 }, Patient, CancellationToken.None).AsTask()));
            }
        }

        await Task.WhenAll(probes.Select(p => p.Actual)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(probes, p => Assert.Equal(p.Expected, p.Actual.Result));
    }

    [Fact]
    public async Task ADisposedEngineRefusesProbes()
    {
        using var bound = LoopbackPeers.ClosedTcpPort(AddressFamily.InterNetwork, out var port);
        Assert.Equal(PortState.Closed, await _engine.ProbeTcpAsync(IPAddress.Loopback, port, Patient, CancellationToken.None));

        _engine.Dispose();

        Assert.Throws<ObjectDisposedException>(() => _engine.ProbeTcpAsync(IPAddress.Loopback, port, Patient, CancellationToken.None));
    }
}
