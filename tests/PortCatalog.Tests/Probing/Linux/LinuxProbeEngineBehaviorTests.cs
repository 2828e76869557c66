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

    [LinuxFact]
    public void AChildProcessLimitedTo128DescriptorsCompletesAFullScan()
    {
        // 100 ports that never answer keep probes in flight for the whole timeout, so a window of 4096 sockets would need
        // far more than 128 descriptors; the scanner must fit its window to the limit and still finish correctly.
        using var listener = new AcceptingListener(IPAddress.Loopback);
        var silent = Enumerable.Range(0, 100).Select(_ => new SilentTcpListener(IPAddress.Loopback)).ToList();
        try
        {
            var fields = ProbeHost.Run(TimeSpan.FromMinutes(1), prlimitNoFile: 128, "scan", "127.0.0.1", "1-65535", "--window", "4096", "--timeout-ms", "300");

            Assert.Equal("65535", fields["probes"]);
            // Other processes on this shared machine may hold silent listeners too: ours must be among the filtered ports.
            var filtered = fields["filtered-ports"].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToHashSet();
            Assert.All(silent, s => Assert.Contains(s.Port, filtered));
            Assert.Equal(65535, long.Parse(fields["open"], CultureInfo.InvariantCulture) + long.Parse(fields["closed"], CultureInfo.InvariantCulture) + filtered.Count);
            Assert.Contains(listener.Port.ToString(CultureInfo.InvariantCulture), fields["open-ports"].Split(','));
        }
        finally
        {
            silent.ForEach(s => s.Dispose());
        }
    }
}
