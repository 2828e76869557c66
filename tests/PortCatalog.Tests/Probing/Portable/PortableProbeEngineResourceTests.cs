using System.Net;
using System.Net.Sockets;
using PortCatalog.Probing;
using Xunit.Abstractions;

namespace PortCatalog.Tests.Probing;

/// <summary>
/// Tests that measure the whole process (descriptors, allocated bytes, the machine's listening ports) and so must
/// not share it with other tests opening sockets at the same time.
/// </summary>
[CollectionDefinition(nameof(ProcessWideMeasurements), DisableParallelization = true)]
public sealed class ProcessWideMeasurements
{
}

[Collection(nameof(ProcessWideMeasurements))]
public sealed class PortableProbeEngineResourceTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(5);

    [LinuxFact]
    public async Task SocketDescriptorsReturnToTheirStartingCountAfterManyProbesTimeoutsAndCancellations()
    {
        using var engine = new PortableProbeEngine();
        using var listener = new AcceptingListener(IPAddress.Loopback);
        var openPort = listener.Port;
        using var bound = ProbeTargets.BoundTcpSocket(IPAddress.IPv6Loopback, out var closedPort);
        using var silent = ProbeTargets.SilentUdpSocket(IPAddress.Loopback, out var silentPort);
        using var echo = new UdpEchoServer(IPAddress.Loopback);

        async Task MixedRoundAsync(int probes)
        {
            using var cts = new CancellationTokenSource();
            var inFlight = new List<Task>();
            for (var i = 0; i < probes; i++)
            {
                inFlight.Add(engine.ProbeTcpAsync(IPAddress.Loopback, openPort, Patient, CancellationToken.None).AsTask());
                inFlight.Add(engine.ProbeTcpAsync(IPAddress.IPv6Loopback, closedPort, Patient, CancellationToken.None).AsTask());
                inFlight.Add(engine.ProbeUdpAsync(IPAddress.Loopback, echo.Port, new byte[] { 1 }, Patient, CancellationToken.None).AsTask());
                inFlight.Add(engine.ProbeUdpAsync(IPAddress.Loopback, silentPort, new byte[] { 1 }, TimeSpan.FromMilliseconds(5), CancellationToken.None).AsTask());
                inFlight.Add(engine.ProbeUdpAsync(IPAddress.Loopback, silentPort, new byte[] { 1 }, Patient, cts.Token).AsTask());
            }

            cts.Cancel();
            await Task.WhenAll(inFlight.Select(t => t.ContinueWith(static _ => { }, TaskScheduler.Default)));
        }

        // Warm up: the runtime opens its socket engine's epoll descriptors and the pool fills on first use.
        await MixedRoundAsync(50);
        for (var i = 0; i < 50; i++)
        {
            _ = await engine.ProbeTcpAsync(IPAddress.IPv6Loopback, closedPort, Patient, CancellationToken.None);
        }

        var before = ProbeTargets.OpenSockets();
        for (var round = 0; round < 40; round++)
        {
            await MixedRoundAsync(50);
        }

        // Sequential closed-port probes make up the bulk, the common case of a scan.
        for (var i = 0; i < 4000; i++)
        {
            Assert.Equal(PortState.Closed, (await engine.ProbeTcpAsync(IPAddress.IPv6Loopback, closedPort, Patient, CancellationToken.None)).State);
        }

        Assert.Empty(ProbeTargets.SocketsOpenedSince(before));
    }

    [Fact]
    public async Task AWarmClosedPortProbeAllocatesAtMostSixHundredBytes()
    {
        using var engine = new PortableProbeEngine();
        using var bound = ProbeTargets.BoundTcpSocket(IPAddress.Loopback, out var port);
        const int Batches = 5;
        const int ProbesPerBatch = 2000;

        // GC.GetTotalAllocatedBytes counts every thread, and the test host now and then serializes results in the
        // background (hundreds of kilobytes at once, seen with a GC allocation-tick listener). The best batch is the
        // one it left alone. The batches run on the thread pool, away from xunit's synchronization context, which
        // would allocate for each posted continuation on the test's side.
        var bestPerProbe = await Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                _ = await engine.ProbeTcpAsync(IPAddress.Loopback, port, Patient, CancellationToken.None);
            }

            var best = double.MaxValue;
            for (var batch = 0; batch < Batches; batch++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                for (var i = 0; i < ProbesPerBatch; i++)
                {
                    _ = await engine.ProbeTcpAsync(IPAddress.Loopback, port, Patient, CancellationToken.None);
                }

                best = Math.Min(best, (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)ProbesPerBatch);
            }

            return best;
        });

        // The goal for the portable engine. What remains is System.Net.Sockets' own (584 B on .NET 10): Socket,
        // SafeSocketHandle, SocketAsyncContext and its three locks, ConnectOperation and its completion delegate, all per
        // socket or per connect. The engine's own part (the SocketAddress) is reused; see Probing/README.md.
        output.WriteLine($"{bestPerProbe:F0} B per warm closed-port probe (best of {Batches} batches of {ProbesPerBatch})");
        Assert.True(bestPerProbe <= 600, $"{bestPerProbe:F0} B per closed-port probe");
    }
}
