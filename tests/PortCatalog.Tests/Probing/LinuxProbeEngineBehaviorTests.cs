using System.Diagnostics;
using System.Net;
using PortCatalog.Probing;

namespace PortCatalog.Tests.Probing;

/// <summary>The behaviour suite over the Linux epoll engine, plus what only that engine promises.</summary>
[Collection(ProbeCollection.Name)]
public sealed class LinuxProbeEngineBehaviorTests : ProbeEngineBehaviorTests
{
    private protected override IProbeEngine CreateEngine() => new LinuxProbeEngine();

    [LinuxFact]
    public async Task Warm_probes_allocate_less_than_one_byte_each()
    {
        using var listener = new AcceptingListener(IPAddress.Loopback);
        var closedPort = ProbeTargets.FreeTcpPort(IPAddress.Loopback);
        const int Probes = 10_000;

        // Measure inside one async method, after warm-up, with no synchronization context: its state machine and the
        // engine's pools already exist, so every byte counted is per probe.
        var allocated = await Task.Run(async () =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                await Engine.ProbeTcpAsync(IPAddress.Loopback, i % 2 == 0 ? listener.Port : closedPort, TimeSpan.FromSeconds(2), CancellationToken.None).ConfigureAwait(false);
            }

            var before = GC.GetTotalAllocatedBytes(precise: true);
            var open = 0;
            for (var i = 0; i < Probes; i++)
            {
                var state = await Engine.ProbeTcpAsync(IPAddress.Loopback, i % 2 == 0 ? listener.Port : closedPort, TimeSpan.FromSeconds(2), CancellationToken.None).ConfigureAwait(false);
                open += state == PortState.Open ? 1 : 0;
            }

            var after = GC.GetTotalAllocatedBytes(precise: true);
            Assert.Equal(Probes / 2, open);
            return after - before;
        });

        Assert.True(allocated < Probes, $"{Probes} probes allocated {allocated} bytes ({(double)allocated / Probes:F2} B/probe).");
    }

    [LinuxFact]
    public async Task Warm_probes_that_wait_on_epoll_with_a_cancellable_token_allocate_less_than_one_byte_each()
    {
        // Every probe here takes the slow path: epoll registration, deadline heap, cancellation registration, timeout.
        using var silent = new SilentTcpListener(IPAddress.Loopback);
        using var cts = new CancellationTokenSource();
        const int Probes = 1_000;
        var timeout = TimeSpan.FromMilliseconds(1);

        var allocated = await Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await Engine.ProbeTcpAsync(IPAddress.Loopback, silent.Port, timeout, cts.Token).ConfigureAwait(false);
            }

            var before = GC.GetTotalAllocatedBytes(precise: true);
            var filtered = 0;
            for (var i = 0; i < Probes; i++)
            {
                var state = await Engine.ProbeTcpAsync(IPAddress.Loopback, silent.Port, timeout, cts.Token).ConfigureAwait(false);
                filtered += state == PortState.Filtered ? 1 : 0;
            }

            var after = GC.GetTotalAllocatedBytes(precise: true);
            Assert.Equal(Probes, filtered);
            return after - before;
        });

        Assert.True(allocated < Probes, $"{Probes} probes allocated {allocated} bytes ({(double)allocated / Probes:F2} B/probe).");
    }

    [LinuxFact]
    public void A_child_process_limited_to_128_descriptors_completes_a_full_scan()
    {
        var host = Path.Combine(AppContext.BaseDirectory, "PortCatalog.ProbeHost.dll");
        Assert.True(File.Exists(host), $"{host} is missing; the test project copies it from tests/PortCatalog.ProbeHost.");
        using var listener = new AcceptingListener(IPAddress.Loopback);

        var start = new ProcessStartInfo("prlimit", ["--nofile=128:128", "dotnet", host, "scan", "127.0.0.1", "1-65535", "--window", "4096"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd().Trim();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "the scan did not finish in a minute");

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {output} {error.Result}");
        var fields = output.Split(' ').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        Assert.Equal("65535", fields["probes"]);
        Assert.Equal("0", fields["filtered"]);
        Assert.Equal(65535, long.Parse(fields["open"]) + long.Parse(fields["closed"]));
        Assert.Contains(listener.Port.ToString(), fields["open-ports"].Split(','));
    }
}
