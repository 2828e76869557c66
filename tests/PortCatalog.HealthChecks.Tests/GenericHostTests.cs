using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PortCatalog.HealthChecks.Tests;

/// <summary>Port checks in a Generic Host (no web server), run through the framework's HealthCheckService.</summary>
public sealed class GenericHostTests
{
    [Fact]
    public async Task TheCatalogNamesACheckRegisteredByHostAndPort()
    {
        var report = await RunAsync(checks => checks.AddPortCheck("127.0.0.1", WellKnownPorts.Redis).AddPortCheck("127.0.0.1", 1));

        // tcpmux is port 1 in the catalog; the test only needs the names, whatever the ports' states on this machine.
        Assert.Contains("redis 127.0.0.1:6379", report.Entries.Keys);
        var other = Assert.Single(report.Entries.Keys, k => k != "redis 127.0.0.1:6379");
        Assert.EndsWith(" 127.0.0.1:1", other);
        Assert.Equal(WellKnownPorts.TryGetInfo(1, Transport.Tcp, out var info) ? info.ServiceName : "tcp", other.Split(' ')[0]);
    }

    [Fact]
    public async Task AnOpenPortIsHealthyWithStateAddressAndLatencyInTheData()
    {
        using var listeners = new LoopbackListeners();
        var port = listeners.Open(IPAddress.IPv6Loopback);

        var entry = (await RunAsync(checks => checks.AddPortCheck("v6", "::1", port))).Entries["v6"];

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("Open", entry.Data[PortHealthCheckData.State]);
        Assert.Equal("syn-ack", entry.Data[PortHealthCheckData.Reason]);
        Assert.Equal("::1", entry.Data[PortHealthCheckData.Host]);
        Assert.Equal(port, entry.Data[PortHealthCheckData.Port]);
        Assert.Equal("::1", entry.Data[PortHealthCheckData.Address]);
        Assert.IsType<TimeSpan>(entry.Data[PortHealthCheckData.Latency]);
        Assert.StartsWith($"[::1]:{port} is open", entry.Description);
    }

    [Fact]
    public async Task AClosedPortReportsTheRegistrationsFailureStatus()
    {
        var closed = ProbeTargets.FreeTcpPort(IPAddress.Loopback);

        var report = await RunAsync(checks => checks
            .AddPortCheck("unhealthy", "127.0.0.1", closed)
            .AddPortCheck("degraded", "127.0.0.1", closed, failureStatus: HealthStatus.Degraded));

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["unhealthy"].Status);
        Assert.Equal(HealthStatus.Degraded, report.Entries["degraded"].Status);
        Assert.Equal("Closed", report.Entries["degraded"].Data[PortHealthCheckData.State]);
        Assert.Equal("conn-refused", report.Entries["degraded"].Data[PortHealthCheckData.Reason]);
        Assert.Null(report.Entries["degraded"].Exception);
    }

    [Fact]
    public async Task APortThatDoesNotAnswerIsFilteredAfterTheChecksTimeout()
    {
        // A listener whose accept queue is full: the kernel drops the SYN, as a firewall would.
        using var silent = new SilentTcpListener(IPAddress.Loopback);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var entry = (await RunAsync(checks => checks.AddPortCheck("silent", "127.0.0.1", silent.Port, timeout: TimeSpan.FromMilliseconds(300)))).Entries["silent"];

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("Filtered", entry.Data[PortHealthCheckData.State]);
        Assert.Equal("no-response", entry.Data[PortHealthCheckData.Reason]);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void BadRegistrationsAreRefusedNamingWhatIsWrong()
    {
        var checks = new ServiceCollection().AddHealthChecks();

        Assert.Contains("between 1 and 65535", Assert.Throws<ArgumentException>(() => checks.AddPortCheck("x", "127.0.0.1", 70000)).Message);
        Assert.Contains("Host is empty", Assert.Throws<ArgumentException>(() => checks.AddPortCheck("x", " ", 80)).Message);
        Assert.Contains("must be positive", Assert.Throws<ArgumentException>(() => checks.AddPortCheck("x", "127.0.0.1", 80, timeout: TimeSpan.Zero)).Message);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => checks.AddPortCheck(null!, new PortHealthCheckOptions { Host = "127.0.0.1", Port = 80 })).ParamName);
    }

    /// <summary>Runs a Generic Host with the checks <paramref name="addChecks"/> adds and returns one health report.</summary>
    internal static async Task<HealthReport> RunAsync(Action<IHealthChecksBuilder> addChecks)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        addChecks(builder.Services.AddHealthChecks());
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            return await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
