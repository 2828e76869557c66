using System.Globalization;
using PortCatalog.Cli.Tests.Infrastructure;

namespace PortCatalog.Cli.Tests.Commands;

public sealed class CatalogCommandTests
{
    [Fact]
    public void LookupJsonFindsEntriesByPortNameConstantAndTransport()
    {
        var run = Portcat.Run("lookup", "22", "ms-sql-s", "SqlServer", "5432/tcp", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = Output.ParseJson(run.Stdout);
        Assert.Equal(["query", "port", "last_port", "service", "identifier", "transports", "description"], rows[0].EnumerateObject().Select(p => p.Name));
        foreach (var (query, port) in new[] { ("22", 22), ("ms-sql-s", WellKnownPorts.SqlServer), ("SqlServer", WellKnownPorts.SqlServer), ("5432/tcp", WellKnownPorts.PostgreSql) })
        {
            var row = Assert.Single(rows, r => r.String("query") == query);
            Assert.True(WellKnownPorts.TryGetInfo(port, out var info));
            Assert.Equal(info.Port, row.Int("port"));
            Assert.Equal(info.ServiceName, row.String("service"));
            Assert.Equal(info.Identifier, row.String("identifier"));
            Assert.Equal(info.Description, row.String("description"));
        }
    }

    [Fact]
    public void LookupOfAPortInsideARangeFindsTheRangeEntryWithItsExtent()
    {
        var range = WellKnownPorts.X11Range;
        var inside = range.First + 10;

        var run = Portcat.Run("lookup", inside.ToString(CultureInfo.InvariantCulture), "--format", "csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        var (_, rows) = Output.ParseCsv(run.Stdout);
        var row = Assert.Single(rows);
        Assert.Equal(range.First.ToString(CultureInfo.InvariantCulture), row["port"]);
        Assert.Equal(range.Last.ToString(CultureInfo.InvariantCulture), row["last_port"]);
        Assert.Equal("tcp/udp", row["transports"]);
    }

    [Fact]
    public void LookupMissExits1NamesTheQueryAndStillPrintsTheHits()
    {
        var run = Portcat.Run("lookup", "ssh", "no-such-service", "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("ssh", Assert.Single(Output.ParseJson(run.Stdout)).String("service"));
        Assert.Equal("portcat: no catalog entry for 'no-such-service'.", run.Stderr.Trim());
    }

    [Fact]
    public void ListCsvHoldsEveryCatalogEntryWithStableHeaders()
    {
        var run = Portcat.Run("list", "--format", "csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        var (header, rows) = Output.ParseCsv(run.Stdout);
        Assert.Equal(["port", "last_port", "service", "identifier", "transports", "description"], header);
        var all = WellKnownPorts.All.ToArray();
        Assert.Equal(all.Select(e => (e.Port.ToString(CultureInfo.InvariantCulture), e.ServiceName, e.Identifier, e.Description)),
            rows.Select(r => (r["port"], r["service"], r["identifier"], r["description"])));
    }

    [Fact]
    public void ListFiltersByTransportPortRangeAndText()
    {
        var run = Portcat.Run("list", "--transport", "udp", "--range", "1-1024", "--search", "o", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = WellKnownPorts.All.ToArray()
            .Where(e => (e.Transports & Transport.Udp) != 0 && e.Port <= 1024
                && (e.ServiceName + e.Identifier + e.Description).Contains('o', StringComparison.OrdinalIgnoreCase))
            .Select(e => e.ServiceName);
        Assert.Equal(expected, Output.ParseJson(run.Stdout).Select(r => r.String("service")));
        Assert.NotEmpty(expected);
    }
}
