using PortCatalog.Analyzers.Tests.Infrastructure;
using static PortCatalog.Analyzers.Tests.Infrastructure.PortVerifier;

namespace PortCatalog.Analyzers.Tests;

/// <summary>The analyzers against the real PortCatalog.dll: the generated <c>WellKnownPorts</c>, found from metadata.</summary>
public sealed class RealCatalogTests
{
    [Theory]
    [InlineData("new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, {|#0:5432|})", "Port 5432 is hardcoded; use WellKnownPorts.PostgreSql")]
    [InlineData("new System.Net.Sockets.TcpClient(\"db\", {|#0:1433|})", "Port 1433 is hardcoded; use WellKnownPorts.SqlServer")]
    [InlineData("new System.UriBuilder { Port = {|#0:443|} }", "Port 443 is hardcoded; use WellKnownPorts.Https")]
    [InlineData("new System.Net.DnsEndPoint(\"cache\", {|#0:6379|})", "Port 6379 is hardcoded; use WellKnownPorts.Redis")]
    public Task HardcodedPortNamesTheGeneratedConstant(string expression, string message) =>
        VerifyAsync($"class C {{ object M() => {expression}; }}", catalogs: TestCatalogs.RealLibrary, expected: Diagnostic("PORT001").WithMessage(message));

    [Fact]
    public Task WeakClaimsAreReadFromTheGeneratedAttributesInMetadata() => VerifyAsync("""
        class C
        {
            object Server() => new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, {|PORT002:8888|});
            int jupyterPort = {|#0:8888|};
            object Node() => new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, {|PORT002:7000|});
        }
        """, catalogs: TestCatalogs.RealLibrary, expected: Diagnostic("PORT001").WithMessage("Port 8888 is hardcoded; use WellKnownPorts.Jupyter"));

    [Fact]
    public Task ThePortTheCatalogLacksIsPort002() =>
        VerifyAsync("class C { object M() => new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, [|47123|]); }", defaultId: "PORT002", catalogs: TestCatalogs.RealLibrary);

    [Fact]
    public Task CodeUsingTheConstantsIsClean() => VerifyAsync("""
        using PortCatalog;
        class C
        {
            object M() => new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, WellKnownPorts.PostgreSql);
            bool Secure(System.Uri uri) => uri.Port == WellKnownPorts.Https;
        }
        """, catalogs: TestCatalogs.RealLibrary);
}
