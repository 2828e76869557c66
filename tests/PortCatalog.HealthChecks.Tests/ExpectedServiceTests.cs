using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PortCatalog.HealthChecks.Tests;

/// <summary>Port checks with an expected service, against a real Redis: healthy only when that service answers.</summary>
public sealed class ExpectedServiceTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);

    [LinuxProgramFact("redis-server")]
    public async Task APortWhereTheExpectedServiceAnswersIsHealthyAndSaysWhatAnswered()
    {
        using var redis = RedisServer.Start();

        var entry = (await RunAsync(checks => checks.AddPortCheck("cache", "127.0.0.1", redis.Port, timeout: s_timeout, expectedService: "redis"))).Entries["cache"];

        Assert.True(entry.Status == HealthStatus.Healthy, entry.Description);
        Assert.Equal("redis", entry.Data[PortHealthCheckData.Service]);
        Assert.Equal("redis", entry.Data[PortHealthCheckData.ExpectedService]);
        Assert.Equal("Open", entry.Data[PortHealthCheckData.State]);
        Assert.StartsWith($"127.0.0.1:{redis.Port} is open and answers as redis", entry.Description);
    }

    [LinuxProgramFact("redis-server")]
    public async Task APortWhereAnotherServiceAnswersReportsTheFailureStatusNamingWhatAnswered()
    {
        using var redis = RedisServer.Start();

        var report = await RunAsync(checks => checks
            .AddPortCheck("db", "127.0.0.1", redis.Port, timeout: s_timeout, expectedService: "postgresql")
            .AddPortCheck("db-degraded", new PortHealthCheckOptions { Host = "127.0.0.1", Port = redis.Port, Timeout = s_timeout, ExpectedService = "postgresql" }, HealthStatus.Degraded));

        var entry = report.Entries["db"];
        Assert.True(entry.Status == HealthStatus.Unhealthy, entry.Description);
        Assert.Equal("redis", entry.Data[PortHealthCheckData.Service]);
        Assert.Equal("postgresql", entry.Data[PortHealthCheckData.ExpectedService]);
        Assert.StartsWith($"127.0.0.1:{redis.Port} is open but answers as redis, not postgresql", entry.Description);
        Assert.Equal(HealthStatus.Degraded, report.Entries["db-degraded"].Status);
    }

    [Fact]
    public async Task APortThatAcceptsButSaysNothingIsNotTheExpectedService()
    {
        using var listeners = new LoopbackListeners();
        var port = listeners.Open(IPAddress.Loopback);

        var entry = (await RunAsync(checks => checks.AddPortCheck("mute", "127.0.0.1", port, timeout: TimeSpan.FromSeconds(1), expectedService: "redis"))).Entries["mute"];

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.False(entry.Data.ContainsKey(PortHealthCheckData.Service));
        Assert.StartsWith($"127.0.0.1:{port} is open but was not identified as redis: not recognised: greeting: silent", entry.Description);
    }

    [Fact]
    public void AnExpectedServiceIdentificationCannotRecogniseIsRefusedAtRegistrationNamingIt()
    {
        var services = new ServiceCollection();

        var e = Assert.Throws<ArgumentException>(() => services.AddHealthChecks().AddPortCheck("127.0.0.1", WellKnownPorts.Telnet, expectedService: "telnet"));

        Assert.Contains("PortHealthCheckOptions.ExpectedService is 'telnet'", e.Message);
    }

    private static Task<HealthReport> RunAsync(Action<IHealthChecksBuilder> addChecks) => GenericHostTests.RunAsync(addChecks);
}
