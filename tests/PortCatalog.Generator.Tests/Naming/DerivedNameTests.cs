using PortCatalog.Generator.Tests.Infrastructure;

namespace PortCatalog.Generator.Tests;

/// <summary>Names taken from documents are what a C# developer would write, and every name a table gives finds its entry.</summary>
public sealed class DerivedNameTests
{
    private static readonly Lazy<CatalogProxy> s_twoDocs = new(() =>
    {
        // The two documents of data/ without services.csv: only names from prose.
        var result = GeneratorHarness.Run(
            new TestTable("/docs/common-server-ports.md", TestTables.CommonServerPortsMd, "DocPorts", "Names"),
            new TestTable("/docs/port-scanning-ports.md", TestTables.PortScanningMd + "\n\n|Port|Description|\n|:---|:---|\n|161|Simple Network Management Protocol (SNMP): monitoring\n|162|Simple Network Management Protocol (SNMP) traps to a manager\n", "DocPorts", "Names"));
        Assert.Empty(result.CompilerProblems());
        return new CatalogProxy(result.LoadAssembly(), "Names.DocPorts");
    });

    [Fact]
    public void DataChannelQualifierTellsFtpDataFromFtp()
    {
        var catalog = s_twoDocs.Value;
        Assert.Equal(21, catalog.Constant("Ftp"));
        Assert.Equal(20, catalog.Constant("FtpData"));
        Assert.Null(catalog.Constant("Ftp_21"));
        Assert.Equal(21, catalog.TryGetPort("ftp"));
        Assert.Equal(20, catalog.TryGetPort("FtpData"));
    }

    [Fact]
    public void TrapQualifierTellsSnmpTrapFromSnmp()
    {
        var catalog = s_twoDocs.Value;
        Assert.Equal(161, catalog.Constant("Snmp"));
        Assert.Equal(162, catalog.Constant("SnmpTrap"));
        Assert.Null(catalog.Constant("Snmp_162"));
    }

    [Fact]
    public void NetBiosIsCasedAsDotNetCasesAcronyms()
    {
        Assert.Equal(137, s_twoDocs.Value.Constant("NetBios"));
        Assert.Equal(137, s_twoDocs.Value.TryGetPort("NetBIOS"));
    }

    [Fact]
    public void AWordThatOnlySaysProtocolIsNotPartOfTheName()
    {
        var result = GeneratorHarness.Run(new TestTable("/docs/id.md", "| Port | Layanan | Keterangan |\n|---|---|---|\n| 139 | Protokol NetBIOS | Berbagi berkas Windows |\n| 3389 | Desktop Jarak Jauh | Akses grafis (RDP) ke server Windows |\n"));
        Assert.Empty(result.CompilerProblems());
        var catalog = new CatalogProxy(result.LoadAssembly(), "Consumer.Ports");
        Assert.Equal(139, catalog.Constant("NetBios"));
        Assert.Null(catalog.Constant("ProtokolNetBios"));
        Assert.Equal(139, catalog.TryGetPort("NetBIOS"));
        Assert.Equal(139, catalog.TryGetPort("Protokol NetBIOS")); // the cell as written stays a name

        // A sentence of three words or more yields to the acronym its row gives.
        Assert.Equal(3389, catalog.Constant("Rdp"));
        Assert.Equal(3389, catalog.TryGetPort("Desktop Jarak Jauh"));
    }

    [Fact]
    public void AnAcronymFromAnotherTableBeatsALongServiceCell()
    {
        var result = GeneratorHarness.Run(
            new TestTable("/docs/a.md", "| Port | Service | Notes |\n|---|---|---|\n| 3389 | Windows Server Remote Desktop Services | Remote administration of Windows servers over the network, with a graphical session |\n", "P", "N"),
            new TestTable("/docs/b.md", "|Port|Description|\n|---|---|\n|3389|Remote Desktop Protocol (RDP): graphical remote administration\n", "P", "N"));
        var catalog = new CatalogProxy(result.LoadAssembly(), "N.P");
        Assert.Equal(3389, catalog.Constant("Rdp"));
        Assert.Null(catalog.Constant("WindowsServerRemoteDesktopServices"));
        Assert.Equal(3389, catalog.TryGetPort("Windows Server Remote Desktop Services"));
        Assert.Equal(3389, catalog.TryGetPort("rdp"));
    }

    [Fact]
    public void EveryNameATableGivesFindsItsEntry()
    {
        var catalog = s_twoDocs.Value;
        foreach (var (name, port) in new[] { ("SQL Server", 1433), ("HTTP proxy", 8080), ("NetBIOS", 137), ("SSH", 22), ("DNS", 53), ("NTP", 123), ("Finger user information", 79) })
        {
            Assert.Equal(port, catalog.TryGetPort(name));
        }

        foreach (var entry in catalog.All())
        {
            Assert.Equal(entry.Port, catalog.TryGetPort(entry.Identifier));
        }
    }
}
