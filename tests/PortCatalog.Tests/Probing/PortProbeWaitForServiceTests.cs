using System.Net;

namespace PortCatalog.Tests.Probing;

/// <summary>
/// WaitUntilOpenAsync with <see cref="PortWaitOptions.ExpectedService"/>: a real Redis is up for "redis" and not for
/// "postgresql"; a listener that accepts but never speaks is up for nothing.
/// </summary>
[Collection(ProbeCollection.Name)]
public sealed class PortProbeWaitForServiceTests
{
    // Identification needs more than a bare connect; a loaded machine gets a generous share per attempt.
    private static readonly TimeSpan s_attemptTimeout = TimeSpan.FromSeconds(3);

    [LinuxProgramFact("redis-server")]
    public async Task WaitingForRedisWhereRedisAnswersReturnsWhatAnswered()
    {
        using var redis = RedisServer.Start();

        var result = await PortProbe.WaitUntilOpenAsync("127.0.0.1", redis.Port, new PortWaitOptions { Timeout = TimeSpan.FromSeconds(20), AttemptTimeout = s_attemptTimeout, ExpectedService = "redis" });

        Assert.Equal(redis.Port, result.Port);
        Assert.NotNull(result.Identity);
        Assert.Equal("redis", result.Identity.Service);
        Assert.Equal("Redis", result.Identity.Product);
    }

    [LinuxProgramFact("redis-server")]
    public async Task WaitingForPostgresqlWhereRedisAnswersTimesOutSayingItAnswersAsRedis()
    {
        using var redis = RedisServer.Start();
        var options = new PortWaitOptions { Timeout = TimeSpan.FromSeconds(4), AttemptTimeout = s_attemptTimeout, ExpectedService = "postgresql" };

        var e = await Assert.ThrowsAsync<PortWaitTimeoutException>(() => PortProbe.WaitUntilOpenAsync(IPAddress.Loopback, redis.Port, options));

        Assert.Equal("postgresql", e.ExpectedService);
        Assert.Equal(PortState.Open, e.LastState);
        Assert.True(e.LastIdentity?.Service == "redis", e.Message);
        Assert.StartsWith($"127.0.0.1:{redis.Port} did not answer as postgresql: waited ", e.Message);
        Assert.Contains("; last seen: open but answers as redis (Redis", e.Message);
        Assert.StartsWith("open but answers as redis", e.LastStateText);
    }

    [Fact]
    public async Task WaitingForRedisWhereAListenerAcceptsButSaysNothingTimesOutSayingItWasNotIdentified()
    {
        // A listening socket nobody accepts from: the kernel completes every handshake, and nothing ever speaks.
        using var mute = new LoopbackListeners();
        var port = mute.Open(IPAddress.Loopback);
        var options = new PortWaitOptions { Timeout = TimeSpan.FromSeconds(2), AttemptTimeout = TimeSpan.FromSeconds(1), ExpectedService = "redis" };

        var e = await Assert.ThrowsAsync<PortWaitTimeoutException>(() => PortProbe.WaitUntilOpenAsync(IPAddress.Loopback, port, options));

        Assert.Equal(PortState.Open, e.LastState);
        Assert.NotNull(e.LastIdentity);
        Assert.False(e.LastIdentity.IsIdentified, e.Message);
        Assert.Contains($"127.0.0.1:{port} did not answer as redis", e.Message);
        // What a full identification (a quarter of the attempt's second for the greeting) saw, not a last attempt cut short by the deadline.
        Assert.Contains("last seen: open, not identified: greeting: silent for 250 ms; ", e.Message);
    }

    [Fact]
    public async Task AClosedPortWaitedForAsAServiceStillSaysClosed()
    {
        var port = ProbeTargets.FreeTcpPort(IPAddress.Loopback);
        var options = new PortWaitOptions { Timeout = TimeSpan.FromMilliseconds(300), ExpectedService = "redis" };

        var e = await Assert.ThrowsAsync<PortWaitTimeoutException>(() => PortProbe.WaitUntilOpenAsync(IPAddress.Loopback, port, options));

        Assert.Null(e.LastIdentity);
        Assert.StartsWith($"127.0.0.1:{port} did not answer as redis: waited ", e.Message);
        Assert.EndsWith("last seen: closed (conn-refused).", e.Message);
    }

    [Theory]
    [InlineData("telnet")]
    [InlineData("ntp")] // identified over UDP only: a TCP wait could never see it
    [InlineData("no-such-service")]
    [InlineData(" ")]
    public void AServiceIdentificationCannotRecogniseIsRefusedNamingIt(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => new PortWaitOptions { ExpectedService = name });

        Assert.Equal("ExpectedService", e.ParamName);
        Assert.Contains($"'{name}' is not a service identification recognises over TCP", e.Message);
        Assert.Contains("postgresql", e.Message);
    }

    [Theory]
    [InlineData("postgresql", "postgresql")]
    [InlineData("REDIS", "redis")]
    [InlineData("http-alt", "http")] // a catalog name means the protocol it speaks, as MatchesCatalog compares
    [InlineData("mariadb", "mysql")]
    [InlineData("https", "https")]
    public void AKnownServiceOrACatalogNameThatSpeaksOneIsAccepted(string name, string answered)
    {
        var options = new PortWaitOptions { ExpectedService = name };

        Assert.Equal(name, options.ExpectedService);
        Assert.True(new ServiceIdentity { Service = answered }.Is(name));
        Assert.False(new ServiceIdentity { Service = "ssh" }.Is(name));
        Assert.False(new ServiceIdentity().Is(name));
    }

    [Fact]
    public void TheKnownServicesAreTheTcpServicesOfTheIdentificationTable()
    {
        var known = ServiceIdentity.KnownTcpServices;

        Assert.Equal(known.OrderBy(s => s, StringComparer.Ordinal), known);
        Assert.Contains("redis", known);
        Assert.Contains("postgresql", known);
        Assert.Contains("imaps", known); // the TLS name of a protocol identified inside TLS
        Assert.DoesNotContain("ntp", known);
        Assert.DoesNotContain("snmp", known);
        Assert.All(global::PortCatalog.Identification.ServiceProbeTable.Patterns.Where(p => p.OnlyAfter is null), p => Assert.Contains(p.Service, known));
    }
}
