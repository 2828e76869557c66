using System.Net;
using PortCatalog.Probing;

namespace PortCatalog.Tests.Probing;

/// <summary>The scanner over the default engine for this platform: windows, streams, summaries, progress, cancellation.</summary>
[Collection(ProbeCollection.Name)]
public sealed class PortScannerTests
{
    private static readonly PortScanOptions Fast = new() { Timeout = TimeSpan.FromMilliseconds(300), Window = 64 };

    [Fact]
    public async Task AScanStreamsTheOpenPortsAndCountsEveryState()
    {
        using var open = new AcceptingListener(IPAddress.Loopback);
        var closed = ProbeTargets.FreeTcpPort(IPAddress.Loopback);
        using var scanner = new PortScanner(Fast);

        var results = new List<PortResult>();
        await foreach (var result in scanner.ScanAsync(IPAddress.Loopback, PortSet.Of([open.Port, closed])))
        {
            results.Add(result);
        }

        var only = Assert.Single(results);
        Assert.Equal(new PortResult(IPAddress.Loopback, open.Port, Transport.Tcp, PortState.Open, PortReason.SynAck, CatalogInfo(open.Port, Transport.Tcp)), only);
    }

    [Fact]
    public async Task ReportAllStatesStreamsEveryPortAndTheSummaryAddsUp()
    {
        using var open = new AcceptingListener(IPAddress.IPv6Loopback);
        using var silent = new SilentTcpListener(IPAddress.IPv6Loopback);
        var closed = ProbeTargets.FreeTcpPort(IPAddress.IPv6Loopback);
        using var scanner = new PortScanner(new PortScanOptions { Timeout = TimeSpan.FromMilliseconds(200), Retries = 0, ReportAllStates = true });

        var results = new List<PortResult>();
        var summary = await scanner.RunAsync(IPAddress.IPv6Loopback, PortSet.Of([open.Port, closed, silent.Port]), results.Add);

        Assert.Equal(PortState.Open, results.Single(r => r.Port == open.Port).State);
        Assert.Equal(PortState.Closed, results.Single(r => r.Port == closed).State);
        Assert.Equal(PortState.Filtered, results.Single(r => r.Port == silent.Port).State);
        Assert.Equal((3L, 1L, 1L, 1L, 0L), (summary.Probes, summary.Open, summary.Closed, summary.Filtered, summary.OpenOrFiltered));
    }

    [Fact]
    public async Task UdpAndTcpScanTogetherOverSeveralHosts()
    {
        using var echo4 = new UdpEchoServer(IPAddress.Loopback);
        using var tcp6 = new AcceptingListener(IPAddress.IPv6Loopback);
        using var scanner = new PortScanner(new PortScanOptions { Transports = Transport.Tcp | Transport.Udp, Timeout = TimeSpan.FromMilliseconds(300), ReportAllStates = true });

        var results = new List<PortResult>();
        var summary = await scanner.RunAsync([IPAddress.Loopback, IPAddress.IPv6Loopback], PortSet.Of([echo4.Port, tcp6.Port]), results.Add);

        Assert.Equal(8, summary.Probes);
        Assert.Equal(8, results.Count);
        Assert.Equal(PortState.Open, results.Single(r => r.Address.Equals(IPAddress.Loopback) && r.Port == echo4.Port && r.Transport == Transport.Udp).State);
        Assert.Equal(PortState.Open, results.Single(r => r.Address.Equals(IPAddress.IPv6Loopback) && r.Port == tcp6.Port && r.Transport == Transport.Tcp).State);
    }

    [Fact]
    public async Task SilentPortsAreAskedAgainAsManyTimesAsTheRetriesSay()
    {
        using var silent = new SilentTcpListener(IPAddress.Loopback);
        using var scanner = new PortScanner(new PortScanOptions { Timeout = TimeSpan.FromMilliseconds(100), Retries = 2, ReportAllStates = true });

        var summary = await scanner.RunAsync(IPAddress.Loopback, PortSet.Of([silent.Port]));

        Assert.Equal(1, summary.Filtered);
        Assert.True(summary.Elapsed >= TimeSpan.FromMilliseconds(280), $"three attempts of 100 ms took {summary.Elapsed}");
    }

    [Fact]
    public async Task ProgressReachesTheTotal()
    {
        using var scanner = new PortScanner(Fast);
        var last = default(ScanProgress);
        var progress = new SynchronousProgress(p => last = p);

        var summary = await scanner.RunAsync(IPAddress.Loopback, PortSet.Parse("20000-24999"), progress: progress);

        Assert.Equal(5000, summary.Probes);
        Assert.Equal(5000, last.Completed);
        Assert.Equal(5000, last.Total);
        Assert.Equal(1.0, last.Fraction);
    }

    [LinuxFact]
    public async Task StoppingTheEnumerationEarlyStopsTheScanAndClosesItsSockets()
    {
        using var open = new AcceptingListener(IPAddress.Loopback);
        using var silent = new SilentTcpListener(IPAddress.Loopback);
        using var scanner = new PortScanner(new PortScanOptions { Timeout = TimeSpan.FromSeconds(30), ReportAllStates = true });
        await PortProbe.ProbeTcpAsync(IPAddress.Loopback, silent.Port, TimeSpan.FromMilliseconds(10));
        var baseline = OpenSockets.WhenIdle();

        await foreach (var result in scanner.ScanAsync(IPAddress.Loopback, PortSet.Of([silent.Port, open.Port])))
        {
            Assert.Equal(open.Port, result.Port);
            break;
        }

        Assert.Empty(OpenSockets.OpenedSince(baseline));
    }

    [Fact]
    public async Task DisposingTheScannerEndsARunningScanAndRefusesNewOnes()
    {
        using var silent = new SilentTcpListener(IPAddress.Loopback);
        var scanner = new PortScanner(new PortScanOptions { Timeout = TimeSpan.FromSeconds(30) });
        var scan = scanner.RunAsync(IPAddress.Loopback, PortSet.Of([silent.Port]));
        await Task.Delay(100);

        scanner.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => scan.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Throws<ObjectDisposedException>(() => scanner.ScanAsync(IPAddress.Loopback, PortSet.All));
    }

    [Fact]
    public async Task CancellingAScanThrowsOperationCanceled()
    {
        using var silent = new SilentTcpListener(IPAddress.Loopback);
        using var scanner = new PortScanner(new PortScanOptions { Timeout = TimeSpan.FromSeconds(30) });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scanner.RunAsync(IPAddress.Loopback, PortSet.Of([silent.Port]), cancellationToken: cts.Token).WaitAsync(TimeSpan.FromSeconds(5)));
    }

    private static PortInfo? CatalogInfo(int port, Transport transport) => CatalogLookup.TryGetInfo(port, transport, out var info) ? info : null;

    private sealed class SynchronousProgress(Action<ScanProgress> report) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value)
        {
            lock (this)
            {
                report(value);
            }
        }
    }
}
