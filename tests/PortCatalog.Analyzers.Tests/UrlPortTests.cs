using PortCatalog.Analyzers.Contexts;
using PortCatalog.Analyzers.Tests.Infrastructure;

namespace PortCatalog.Analyzers.Tests;

/// <summary>PORT004: ports in URL strings (off by default).</summary>
public sealed class UrlPortTests
{
    private const string Enabled = "root = true\n[*.cs]\ndotnet_diagnostic.PORT004.severity = suggestion\n";

    [Fact]
    public Task OffByDefault() => PortVerifier.VerifyAsync("""
        class C { string Url = "http://localhost:8080"; }
        """);

    [Fact]
    public Task UrlsInLiteralsVerbatimAndInterpolatedStrings() => PortVerifier.VerifyAsync("""
        class C
        {
            string A = "http://localhost:[|8080|]";
            string B = @"https://user@example.org:[|443|]/path?q=1";
            string C2 = "http://*:[|80|];http://[::1]:[|8080|];http://host:7777";
            string D(string p) => $"redis://cache:[|6379|]/{p}";
            string E = "http://localhost/no-port and http://host:99999 and ftp://[::1]/";
            string F = "mailto:someone@example.org:25";
        }
        """, editorConfig: Enabled, defaultId: "PORT004");

    [Fact]
    public Task IgnoredPortsApplyToUrls() => PortVerifier.VerifyAsync("""
        class C { string A = "http://localhost:8080"; }
        """, editorConfig: Enabled + "port_catalog.ignored_ports = 8080\n", defaultId: "PORT004");

    [Theory]
    [InlineData("http://localhost:8080", "http", 8080)]
    [InlineData("HTTPS://[fe80::1%eth0]:443/", "HTTPS", 443)]
    [InlineData("x http://a:1/ y", "http", 1)]
    [InlineData("svn+ssh://u:pw@host:22", "svn+ssh", 22)]
    public void ParserFindsThePort(string text, string scheme, int port)
    {
        var found = Assert.Single(UrlPortParser.FindPorts(text));
        Assert.Equal((scheme, port), (found.Scheme, found.Port));
        Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), text.Substring(found.Start, found.Length));
    }

    [Theory]
    [InlineData("http://localhost/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://host:123456")]
    [InlineData("http://host:80a")]
    [InlineData("://host:80")]
    [InlineData("http://host:")]
    public void ParserFindsNoPort(string text) => Assert.Empty(UrlPortParser.FindPorts(text));
}
