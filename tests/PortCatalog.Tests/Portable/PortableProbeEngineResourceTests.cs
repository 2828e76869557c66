using System.Net;
using System.Net.Sockets;
using PortCatalog.Probing;

namespace PortCatalog.Tests.Portable;

/// <summary>
/// Tests that measure the whole process (descriptors, allocated bytes, the machine's listening ports) and so must
/// not share it with other tests opening sockets at the same time.
/// </summary>
[CollectionDefinition(nameof(ProcessWideMeasurements), DisableParallelization = true)]
public sealed class ProcessWideMeasurements
{
}

[Collection(nameof(ProcessWideMeasurements))]
public sealed class PortableProbeEngineResourceTests
{
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(5);

    [LinuxFact]
    public async Task SocketDescriptorsReturnToTheirStartingCountAfterManyProbesTimeoutsAndCancellations()
    {
        using var engine = new PortableProbeEngine();
        using var listener = LoopbackPeers.OpenTcpPort(AddressFamily.InterNetwork, out var openPort);
        using var bound = LoopbackPeers.ClosedTcpPort(AddressFamily.InterNetworkV6, out var closedPort);
        using var silent = LoopbackPeers.SilentUdpPort(AddressFamily.InterNetwork, out var silentPort);
        using var echo = LoopbackPeers.StartUdpEcho(AddressFamily.InterNetwork);

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

        var before = OpenSockets();
        for (var round = 0; round < 40; round++)
        {
            await MixedRoundAsync(50);
        }

        // Sequential closed-port probes make up the bulk, the common case of a scan.
        for (var i = 0; i < 4000; i++)
        {
            Assert.Equal(PortState.Closed, await engine.ProbeTcpAsync(IPAddress.IPv6Loopback, closedPort, Patient, CancellationToken.None));
        }

        var after = await SettledSocketsAsync(before);
        Assert.True(before.SetEquals(after), $"opened: {string.Join(", ", after.Except(before))}; closed: {string.Join(", ", before.Except(after))}");
    }

    [Fact]
    public async Task AWarmClosedPortProbeAllocatesLessThanSevenHundredBytes()
    {
        using var engine = new PortableProbeEngine();
        using var bound = LoopbackPeers.ClosedTcpPort(AddressFamily.InterNetwork, out var port);
        const int Probes = 2000;

        for (var i = 0; i < 200; i++)
        {
            _ = await engine.ProbeTcpAsync(IPAddress.Loopback, port, Patient, CancellationToken.None);
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Probes; i++)
        {
            _ = await engine.ProbeTcpAsync(IPAddress.Loopback, port, Patient, CancellationToken.None);
        }

        var perProbe = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Probes;

        // The brief's goal for the portable engine; what remains is System.Net.Sockets' own socket, handle and context.
        Assert.True(perProbe < 700, $"{perProbe:F0} B per closed-port probe");
    }

    /// <summary>
    /// The process's open socket descriptors as "fd -> socket:[inode]". Files are left out: the runtime maps assemblies
    /// it loads lazily (System.Net.NameResolution.dll appeared mid-test) and that is no probe's doing.
    /// </summary>
    private static HashSet<string> OpenSockets()
    {
        var descriptors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo("/proc/self/fd").GetFileSystemInfos())
        {
            try
            {
                if (entry.LinkTarget is { } target && target.StartsWith("socket:", StringComparison.Ordinal))
                {
                    descriptors.Add($"{entry.Name} -> {target}");
                }
            }
            catch (IOException)
            {
                // Closed while we looked (the enumeration's own descriptor, or a runtime thread's): not ours to count.
            }
        }

        return descriptors;
    }

    private static async Task<HashSet<string>> SettledSocketsAsync(HashSet<string> expected)
    {
        // A socket's descriptor is closed when its last in-flight use lets go of the handle, which can trail the probe.
        var current = OpenSockets();
        for (var attempt = 0; attempt < 100 && !current.SetEquals(expected); attempt++)
        {
            await Task.Delay(20);
            current = OpenSockets();
        }

        return current;
    }
}
