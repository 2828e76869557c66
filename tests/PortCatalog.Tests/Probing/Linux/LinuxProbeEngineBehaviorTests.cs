using System.Globalization;
using System.Net;
using PortCatalog.Probing;

namespace PortCatalog.Tests.Probing;

/// <summary>The behaviour suite over the Linux epoll engine, plus what only that engine promises.</summary>
[Collection(ProbeCollection.Name)]
public sealed class LinuxProbeEngineBehaviorTests : ProbeEngineBehaviorTests
{
    private protected override IProbeEngine CreateEngine() => new LinuxProbeEngine();

    private protected override bool ReadsIcmpTypeAndCode => true;

    [LinuxFact]
    public void WarmProbesAllocateLessThanOneByteEach()
    {
        // Measured in a child process of its own (ProbeHost alloc, over the default engine, which is this one on Linux):
        // GC.GetTotalAllocatedBytes counts every thread, and the test runner allocates on its threads meanwhile.
        using var listener = new AcceptingListener(IPAddress.Loopback);
        using var silent = new SilentTcpListener(IPAddress.Loopback);
        var closedPort = ProbeTargets.FreeTcpPort(IPAddress.Loopback);

        var fields = ProbeHost.Run(TimeSpan.FromMinutes(1), "alloc", listener.Port.ToString(CultureInfo.InvariantCulture), closedPort.ToString(CultureInfo.InvariantCulture), silent.Port.ToString(CultureInfo.InvariantCulture));

        var fastProbes = long.Parse(fields["fast-probes"], CultureInfo.InvariantCulture);
        var fastBytes = long.Parse(fields["fast-bytes"], CultureInfo.InvariantCulture);
        var slowProbes = long.Parse(fields["slow-probes"], CultureInfo.InvariantCulture);
        var slowBytes = long.Parse(fields["slow-bytes"], CultureInfo.InvariantCulture);
        Assert.True(fastProbes == 10_000 && fastBytes < fastProbes, $"{fastProbes} answered probes allocated {fastBytes} bytes (rounds: {fields["fast-rounds"]}).");
        Assert.True(slowBytes < slowProbes, $"{slowProbes} probes that waited on epoll and timed out allocated {slowBytes} bytes (rounds: {fields["slow-rounds"]}).");
    }

    [NetworkNamespaceFact("prlimit")]
    public void AChildProcessLimitedTo128DescriptorsCompletesAFullScan()
    {
        // 100 ports that never answer keep probes in flight for the whole timeout, so a window of 4096 sockets would need
        // far more than 128 descriptors; the scanner must fit its window to the limit and still finish correctly. The scan
        // runs in a namespace of its own: a full scan of the shared loopback would connect to every other test's servers.
        using var ns = NetworkNamespace.Create();
        var (listener, silent) = ns.RunInside(() => (new AcceptingListener(IPAddress.Loopback), Enumerable.Range(0, 100).Select(_ => new SilentTcpListener(IPAddress.Loopback)).ToList()));
        try
        {
            var fields = ProbeHost.RunIn(ns, TimeSpan.FromMinutes(1), prlimitNoFile: 128, "scan", "127.0.0.1", "1-65535", "--window", "4096", "--timeout-ms", "300");

            Assert.Equal("65535", fields["probes"]);
            Assert.Equal(silent.Select(s => s.Port).Order(), Ports(fields["filtered-ports"]).Order());
            Assert.Equal([listener.Port], Ports(fields["open-ports"]));
            Assert.Equal((65535 - 101).ToString(CultureInfo.InvariantCulture), fields["closed"]);
        }
        finally
        {
            listener.Dispose();
            silent.ForEach(s => s.Dispose());
        }
    }

    private static IEnumerable<int> Ports(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture));
}
