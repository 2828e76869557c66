using PortCatalog.Generator.Tests.Infrastructure;

namespace PortCatalog.Generator.Tests;

/// <summary>The generated lookups, compiled into an in-memory assembly and called.</summary>
public sealed class LookupTests
{
    private static readonly Lazy<CatalogProxy> s_merged = new(() =>
    {
        var result = GeneratorHarness.Run(
            new TestTable("/repo/data/common-server-ports.md", TestTables.CommonServerPortsMd, "MergedPorts", "Lookup.Tests"),
            new TestTable("/repo/data/port-scanning-ports.md", TestTables.PortScanningMd, "MergedPorts", "Lookup.Tests"),
            new TestTable("/repo/data/services.csv", TestTables.ServicesCsv, "MergedPorts", "Lookup.Tests"));
        return new CatalogProxy(result.LoadAssembly(), "Lookup.Tests.MergedPorts");
    });

    private static CatalogProxy Catalog => s_merged.Value;

    [Fact]
    public void ConstantsCarryThePorts()
    {
        Assert.Equal(22, Catalog.Constant("Ssh"));
        Assert.Equal(1433, Catalog.Constant("SqlServer"));
        Assert.Equal(5432, Catalog.Constant("PostgreSql"));
        Assert.Equal(20, Catalog.Constant("FtpData"));
    }

    [Fact]
    public void DerivedNameYieldsToExplicitServiceNameOfTheSamePort()
    {
        // port-scanning-ports.md derives "FTP" for port 20; services.csv names it ftp-data/FtpData.
        Assert.Single(Catalog.All(), e => e.Port == 20);
        Assert.Null(Catalog.Constant("Ftp_20"));
        Assert.Equal(20, Catalog.TryGetPort("FtpData"));
    }

    [Fact]
    public void TransportsUniteAcrossRows()
    {
        Assert.True(Catalog.TryGetInfo(137, out var info));
        Assert.Equal(Transport.Tcp | Transport.Udp, info.Transports);
        Assert.Equal("netbios-ns", info.ServiceName);
        Assert.Equal("NetBiosNameService", info.Identifier);
    }

    [Fact]
    public void TryGetInfoFindsPrimaryEntryAndMisses()
    {
        Assert.True(Catalog.TryGetInfo(22, out var ssh));
        Assert.Equal(new PortInfo(22, "ssh", "Ssh", Transport.Tcp, "Secure Shell remote login"), ssh);
        Assert.False(Catalog.TryGetInfo(23, out _));
        Assert.False(Catalog.TryGetInfo(-1, out _));
        Assert.False(Catalog.TryGetInfo(70000, out _));
    }

    [Fact]
    public void TryGetInfoByTransportFiltersEntries()
    {
        Assert.True(Catalog.TryGetInfo(1434, Transport.Udp, out var browser));
        Assert.Equal("SqlServerBrowser", browser.Identifier);
        Assert.False(Catalog.TryGetInfo(1434, Transport.Tcp, out _));
        Assert.True(Catalog.TryGetInfo(1434, Transport.None, out _));
        Assert.False(Catalog.TryGetInfo(137, Transport.Sctp, out _));
    }

    [Fact]
    public void PortsInsideARangeFindTheRangeEntry()
    {
        Assert.True(Catalog.TryGetInfo(6010, out var x11));
        Assert.Equal("x11", x11.ServiceName);
        Assert.Equal(6000, x11.Port);
        Assert.True(Catalog.TryGetInfo(6063, Transport.Tcp, out _));
        Assert.False(Catalog.TryGetInfo(6064, out _));
        Assert.False(Catalog.TryGetInfo(6010, Transport.Udp, out _));
        var range = (PortRange)Catalog.Type.GetProperty("X11Range")!.GetValue(null)!;
        Assert.Equal(new PortRange(6000, 6063), range);
        Assert.Equal(64, range.Count);
    }

    [Theory]
    [InlineData("ssh", 22)]
    [InlineData("SSH", 22)]
    [InlineData("Ssh", 22)]
    [InlineData("ms-sql-s", 1433)]
    [InlineData("MS-SQL-S", 1433)]
    [InlineData("SqlServer", 1433)]
    [InlineData("sqlserver", 1433)]
    [InlineData("SQL Server", 1433)] // the Markdown table's name, merged into ms-sql-s
    [InlineData("postgresql", 5432)]
    [InlineData("x11", 6000)]
    [InlineData("X11Range", null)]
    [InlineData("", null)]
    [InlineData("sshx", null)]
    [InlineData("ſsh", null)] // U+017F upper-cases to 'S' only in some cultures' rules; ordinal ignore-case decides
    public void TryGetPortIgnoresCase(string name, int? expected)
    {
        var actual = Catalog.TryGetPort(name);
        if (name == "ſsh")
        {
            // Whatever OrdinalIgnoreCase says about U+017F, the slow path must agree with it.
            Assert.Equal(string.Equals(name, "ssh", StringComparison.OrdinalIgnoreCase) ? 22 : null, actual);
            return;
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void NonAsciiNamesAreFoundIgnoringCase()
    {
        var result = GeneratorHarness.Run(new TestTable("/t/dienste.md", "| Port | Dienst | Beschreibung |\n|---|---|---|\n| 7000 | Größe | Ein Dienst mit Umlaut |\n| 7001 | Ärger | Noch einer |\n"));
        var catalog = new CatalogProxy(result.LoadAssembly(), "Consumer.Ports");
        Assert.Equal(7000, catalog.TryGetPort("größe"));
        Assert.Equal(7000, catalog.TryGetPort("GRÖßE"));
        Assert.Equal(7001, catalog.TryGetPort("ärger"));
        Assert.Equal(7001, catalog.TryGetPort("ÄRGER"));
        Assert.Equal(7000, catalog.Constant("Größe"));
    }

    [Fact]
    public void AllIsSortedByPortWithThePrimaryEntryFirst()
    {
        var all = Catalog.All();
        Assert.Equal(all.OrderBy(e => e.Port).Select(e => e.Port), all.Select(e => e.Port));
        var constants = Catalog.Type.GetFields().Where(f => f.IsLiteral).Select(f => (int)f.GetRawConstantValue()!).ToList();
        Assert.Equal(constants.OrderBy(p => p), constants);
    }

    [Fact]
    public void ANameWrittenExactlyFindsItsOwnEntryWhenAnotherDiffersOnlyInCase()
    {
        // The IANA registry has net-steward (2128) and netsteward (2810): constants NetSteward and Netsteward.
        var result = GeneratorHarness.Run(new TestTable("/t/iana.csv", "Service Name,Port Number,Transport Protocol,Description\nnet-steward,2128,tcp,Net Steward Control\nnetsteward,2810,tcp,Active Net Steward\n"));
        var catalog = new CatalogProxy(result.LoadAssembly(), "Consumer.Ports");
        Assert.Equal(2128, catalog.Constant("NetSteward"));
        Assert.Equal(2810, catalog.Constant("Netsteward"));
        Assert.Equal(2810, catalog.TryGetPort("Netsteward"));
        Assert.Equal(2810, catalog.TryGetPort("netsteward"));
        Assert.Equal(2128, catalog.TryGetPort("NetSteward"));
        Assert.Equal(2128, catalog.TryGetPort("net-steward"));
        foreach (var entry in catalog.All())
        {
            Assert.Equal(entry.Port, catalog.TryGetPort(entry.Identifier));
            Assert.Equal(entry.Port, catalog.TryGetPort(entry.ServiceName));
        }
    }

    [Fact]
    public void AllDescribesRangesCompletely()
    {
        var x11 = Assert.Single(Catalog.All(), e => e.Identifier == "X11");
        Assert.Equal((6000, 6063, true), (x11.Port, x11.LastPort, x11.IsRange));
        var ssh = Assert.Single(Catalog.All(), e => e.Identifier == "Ssh");
        Assert.Equal((22, false), (ssh.LastPort, ssh.IsRange));
        Assert.Equal(Catalog.All().Length, ((IReadOnlyList<PortInfo>)Catalog.Type.GetProperty("Entries")!.GetValue(null)!).Count);
    }

    [Fact]
    public void AnExactEntryRanksBeforeTheRangeThatEnclosesIt()
    {
        var result = GeneratorHarness.Run(new TestTable("/t/ranges.csv", "Service Name,Port Number,Transport Protocol,Description\nredirect,11000-11999,tcp,Redirect range\nwide,10000-12000,tcp,Wide range\nmemcache,11211,tcp,Memcached\nmemcache,11211,udp,Memcached\n"));
        var catalog = new CatalogProxy(result.LoadAssembly(), "Consumer.Ports");
        Assert.Equal(["memcache", "redirect", "wide"], catalog.GetInfos(11211).Select(e => e.ServiceName));
        Assert.Equal(["memcache", "redirect", "wide"], catalog.GetInfos(11211, Transport.Tcp).Select(e => e.ServiceName));
        Assert.Equal(["memcache"], catalog.GetInfos(11211, Transport.Udp).Select(e => e.ServiceName));
        Assert.Equal(["redirect", "wide"], catalog.GetInfos(11500).Select(e => e.ServiceName));
        Assert.Equal(["wide"], catalog.GetInfos(12000).Select(e => e.ServiceName));
        Assert.Empty(catalog.GetInfos(12001));
        Assert.True(catalog.TryGetInfo(11211, out var info));
        Assert.Equal("memcache", info.ServiceName);
    }

    [Fact]
    public void LookupsDoNotAllocate()
    {
        var result = GeneratorHarness.Run(new TestTable("/repo/data/services.csv", TestTables.ServicesCsv, "AllocationPorts", "Lookup.Tests"));
        var type = result.LoadAssembly().GetType("Lookup.Tests.AllocationPorts")!;
        var tryGetInfo = type.GetMethod("TryGetInfo", [typeof(int), typeof(PortInfo).MakeByRefType()])!.CreateDelegate<TryGetInfoDelegate>();
        var tryGetPort = type.GetMethod("TryGetPort")!.CreateDelegate<TryGetPortDelegate>();
        RunLookups(tryGetInfo, tryGetPort); // warm up: JIT and the static array

        var found = 0;
        var rounds = Allocations.PerRoundOnThisThread(5, () => found = RunLookups(tryGetInfo, tryGetPort));
        Assert.True(rounds.Min() == 0, $"Bytes allocated per round of 3,000 lookups: {string.Join(", ", rounds)}.");
        Assert.Equal(3000, found);
    }

    private static int RunLookups(TryGetInfoDelegate tryGetInfo, TryGetPortDelegate tryGetPort)
    {
        var found = 0;
        for (var i = 0; i < 1000; i++)
        {
            found += tryGetInfo(22, out _) ? 1 : 0;
            found += tryGetInfo(6001, out _) ? 1 : 0;
            found += tryGetInfo(9999, out _) ? 1 : 0;
            found += tryGetPort("MS-SQL-S".AsSpan(), out _) ? 1 : 0;
            found += tryGetPort("nope".AsSpan(), out _) ? 1 : 0;
        }

        return found;
    }

    private delegate bool TryGetInfoDelegate(int port, out PortInfo info);

    private delegate bool TryGetPortDelegate(ReadOnlySpan<char> name, out int port);
}
