using PortCatalog.Generator.Emitting;
using PortCatalog.Generator.Naming;
using PortCatalog.Generator.Parsing;

namespace PortCatalog.Generator.Tests;

/// <summary>The naming rule, name derivation and escaping, as documented in docs/generator.md.</summary>
public sealed class NamingTests
{
    [Theory]
    [InlineData("ssh", "Ssh")]
    [InlineData("http-alt", "HttpAlt")]
    [InlineData("ms-sql-s", "MsSqlS")]
    [InlineData("SQL Server", "SqlServer")]
    [InlineData("NetBIOS", "NetBios")]
    [InlineData("PostgreSQL", "PostgreSql")]
    [InlineData("HTTPServer", "HttpServer")]
    [InlineData("DHCPv6", "Dhcpv6")]
    [InlineData("HTTPS", "Https")]
    [InlineData("POP3", "Pop3")]
    [InlineData("3com-tsmux", "_3comTsmux")]
    [InlineData("sql*net", "SqlNet")]
    [InlineData("Größe", "Größe")]
    [InlineData("a\u200Bb", "AB")] // formatting characters split words, never hide in identifiers
    [InlineData("+++", "")]
    public void PascalCase(string name, string expected) => Assert.Equal(expected, IdentifierRules.ToPascalCase(name));

    [Theory]
    [InlineData("class", "@class")]
    [InlineData("Class", "Class")]
    [InlineData("var", "var")] // contextual keywords are valid member names
    public void KeywordsAreEscaped(string identifier, string expected) => Assert.Equal(expected, IdentifierRules.Escape(identifier));

    [Theory]
    [InlineData("File Transfer Protocol (FTP) data", "FTP")]
    [InlineData("Windows Remote Desktop (RDP)", "RDP")]
    [InlineData("NetBIOS (NetBIOS) session", "NetBIOS")]
    [InlineData("Domain name service (TCP/UDP)", "Domain name service")]
    [InlineData("Finger user information", "Finger user information")]
    [InlineData("Kerberos: network authentication", "Kerberos")]
    [InlineData("One two three four five six", "One two three four")]
    [InlineData("Squid - web proxy", "Squid")]
    public void NamesAreDerivedFromDescriptions(string description, string expected) => Assert.Equal(expected, NameDeriver.Derive(description));

    [Fact]
    public void StringLiteralsCannotBreakOut()
    {
        Assert.Equal("\"\\\"; } class X { \\u2028 \\\\u0022 \\u0000\"", CodeText.StringLiteral("\"; } class X { \u2028 \\u0022 \0"));
    }

    [Fact]
    public void XmlDocTextIsOneSafeLine()
    {
        Assert.Equal("a &lt;/summary&gt; &amp; b   c \uFFFD", CodeText.XmlDocText("a </summary> & b\r\n\u2028c \uD800"));
    }

    [Fact]
    public void PortListsCarryTheirTransports()
    {
        var items = new List<PortText.PortItem>();
        var bad = new List<PortText.BadPort>();
        Assert.True(PortText.TryParsePortList("1433 (TCP), 1434 (UDP)", items, bad));
        Assert.Equal([new(1433, 1433, Model.TransportSet.Tcp), new(1434, 1434, Model.TransportSet.Udp)], items);
        Assert.True(PortText.TryParsePortList("53 TCP/UDP", items, bad));
        Assert.Equal([new(53, 53, Model.TransportSet.Tcp | Model.TransportSet.Udp)], items);
        Assert.True(PortText.TryParsePortList("137, 138 and 139", items, bad));
        Assert.Equal(3, items.Count);
        Assert.True(PortText.TryParsePortList("6000–6063", items, bad));
        Assert.Equal([new(6000, 6063, Model.TransportSet.None)], items);
        Assert.False(PortText.TryParsePortList("22 (SSH)", items, bad));
        Assert.False(PortText.TryParsePortList("Port", items, bad));
    }
}
