using System.Globalization;
using System.Net;
using System.Xml.Linq;
using PortCatalog.Cli.Tests.Infrastructure;

namespace PortCatalog.Cli.Tests.Scanning;

/// <summary><c>scan --reason</c> and <c>scan --identify</c> (<c>-sV</c>): the probe's reason and what answers, in every format.</summary>
public sealed class ScanReasonAndIdentifyTests
{
    [Fact]
    public void ReasonShowsWhyEachPortIsInItsStateInJsonCsvAndTheTable()
    {
        using var listeners = new LoopbackListeners();
        var open = listeners.Open(IPAddress.Loopback);
        var closed = ProbeTargets.FreeTcpPort(IPAddress.Loopback);
        var ports = $"{open},{closed}";

        var json = Portcat.Run("scan", "127.0.0.1", "-p", ports, "--all-states", "--reason", "--format", "json");
        var csv = Portcat.Run("scan", "127.0.0.1", "-p", ports, "--all-states", "--reason", "--format", "csv");
        var table = Portcat.Run("scan", "127.0.0.1", "-p", ports, "--all-states", "--reason");
        var plain = Portcat.Run("scan", "127.0.0.1", "-p", ports, "--all-states", "--format", "json");

        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Equal(
            new[] { (open, "open", "syn-ack"), (closed, "closed", "conn-refused") }.OrderBy(r => r.Item1),
            Output.ParseJson(json.Stdout).Select(r => (r.Int("port"), r.String("state")!, r.String("reason")!)));
        var (header, rows) = Output.ParseCsv(csv.Stdout);
        Assert.Equal(["host", "address", "port", "transport", "state", "reason", "service", "description"], header);
        Assert.Equal(
            new[] { (open, "syn-ack"), (closed, "conn-refused") }.OrderBy(r => r.Item1),
            rows.Select(r => (int.Parse(r["port"], CultureInfo.InvariantCulture), r["reason"])));
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("Reason", table.Stdout);
        Assert.Contains("conn-refused", table.Stdout);

        // Without --reason the field is not there: scripts that read today's fields see no change.
        Assert.False(Output.ParseJson(plain.Stdout)[0].TryGetProperty("reason", out _), plain.Stdout);
    }

    [LinuxRootFact("ip", "redis-server", "python3", "xmllint", "nmap")]
    public void IdentifyNamesWhatReallyAnswersAndFlagsAPortTheCatalogGivesToAnotherService()
    {
        // A real Redis on 5432, the catalog's PostgreSQL port, and an open port where nothing speaks, inside a private
        // namespace (the daemon binds nothing on this machine's loopback).
        var postgres = WellKnownPorts.PostgreSql;
        const int silent = 47001;
        var prefix = WithRedisAndSilentListener(postgres, silent);

        var json = Portcat.RunWith(prefix, "scan", "127.0.0.1", "-p", $"{postgres},{silent}", "--identify", "--format", "json");
        var xml = Portcat.RunWith(prefix, "scan", "127.0.0.1", "-p", $"{postgres}", "-sV", "--format", "xml");
        var table = Portcat.RunWith(prefix, "scan", "127.0.0.1", "-p", $"{postgres}", "-sV");

        Assert.True(json.ExitCode == 0, json.ToString());
        var rows = Output.ParseJson(json.Stdout);
        var redis = rows.Single(r => r.Int("port") == postgres);
        Assert.Equal("postgresql", redis.String("service"));
        Assert.Equal("redis", redis.String("identified.service"));
        Assert.Equal("Redis", redis.String("identified.product"));
        Assert.False(string.IsNullOrEmpty(redis.String("identified.version")), json.Stdout);
        Assert.False(redis.GetProperty("identified.tls").GetBoolean());
        Assert.False(redis.GetProperty("identified.matchesCatalog").GetBoolean());
        var unknown = rows.Single(r => r.Int("port") == silent);
        Assert.Null(unknown.String("identified.service"));
        Assert.Equal("none", unknown.String("identified.method"));

        Assert.True(xml.ExitCode == 0, xml.ToString());
        var file = Path.GetTempFileName();
        try
        {
            // A probed <service> with product and version is still what nmap's DTD allows.
            File.WriteAllText(file, xml.Stdout);
            var lint = ExternalCommand.Run("xmllint", ["--noout", "--dtdvalid", NmapXmlFactAttribute.Dtd, file]);
            Assert.True(lint.ExitCode == 0, lint.ToString());
        }
        finally
        {
            File.Delete(file);
        }

        var service = XDocument.Parse(xml.Stdout).Descendants("service").Single();
        Assert.Equal(("redis", "Redis", "probed"), (service.Attribute("name")!.Value, service.Attribute("product")!.Value, service.Attribute("method")!.Value));
        Assert.Equal(redis.String("identified.version"), service.Attribute("version")!.Value);

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("redis (catalog: postgresql)", table.Stdout);
    }

    /// <summary>
    /// Runs a command in a fresh network namespace (loopback up) where redis-server listens on <paramref name="redisPort"/>
    /// and a listener that accepts and never speaks holds <paramref name="silentPort"/>; both are stopped when it ends.
    /// </summary>
    private static string[] WithRedisAndSilentListener(int redisPort, int silentPort) =>
    [
        .. NetworkNamespace.FreshWithLoopback(),
        "sh", "-c",
        $"redis-server --port {redisPort} --bind 127.0.0.1 --save '' --appendonly no >/dev/null 2>&1 & redis=$!; "
        + $"python3 -c 'import socket; s = socket.socket(); s.bind((\"127.0.0.1\", {silentPort})); s.listen(); held = [s.accept() for _ in range(64)]' >/dev/null 2>&1 & silent=$!; "
        + $"for i in $(seq 100); do ss -Hltn 'sport = :{redisPort}' | grep -q . && ss -Hltn 'sport = :{silentPort}' | grep -q . && break; sleep 0.1; done; "
        + "\"$@\"; status=$?; kill $redis $silent 2>/dev/null; wait 2>/dev/null; exit $status",
        "sh",
    ];
}
