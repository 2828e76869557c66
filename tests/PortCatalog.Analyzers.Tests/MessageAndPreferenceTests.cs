using Microsoft.CodeAnalysis;
using PortCatalog.Analyzers.Tests.Infrastructure;

namespace PortCatalog.Analyzers.Tests;

/// <summary>Messages, severities, and which constant PORT001 suggests when several catalog entries share a port.</summary>
public sealed class MessageAndPreferenceTests
{
    [Fact]
    public async Task Port001MessageNamesTheLiteralAndTheConstant()
    {
        var diagnostic = Assert.Single(await AnalyzerVerifier.DiagnosticsAsync("class C { int Port = 5432; }"));
        Assert.Equal("PORT001", diagnostic.Id);
        Assert.Equal("Port 5432 is hardcoded; use WellKnownPorts.PostgreSql", diagnostic.GetMessage());
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public async Task Port002MessageAndSeverity()
    {
        var diagnostic = Assert.Single(await AnalyzerVerifier.DiagnosticsAsync("class C { int Port = 7777; }"));
        Assert.Equal("PORT002", diagnostic.Id);
        Assert.Equal("Port 7777 is hardcoded; extract a named constant", diagnostic.GetMessage());
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
    }

    [Fact]
    public async Task Port003MessageAndSeverity()
    {
        var diagnostic = Assert.Single(await AnalyzerVerifier.DiagnosticsAsync("class C { System.Net.IPEndPoint M(System.Net.IPAddress ip) => new(ip, 70000); }"));
        Assert.Equal("PORT003", diagnostic.Id);
        Assert.Equal("70000 is not a valid port number (0-65535); it fails at run time", diagnostic.GetMessage());
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public async Task Port004MessageWhenEnabled()
    {
        var diagnostic = Assert.Single(await AnalyzerVerifier.DiagnosticsAsync("class C { string Url = \"postgres://db:5432/app\"; }",
            editorConfig: "root = true\n[*.cs]\ndotnet_diagnostic.PORT004.severity = suggestion\n"));
        Assert.Equal("PORT004", diagnostic.Id);
        Assert.Equal("Port 5432 in a URL is hardcoded; use WellKnownPorts.PostgreSql", diagnostic.GetMessage());
    }

    [Fact]
    public async Task ConstDeclarationWithACatalogValueIsPort001AtInfo()
    {
        var diagnostics = await AnalyzerVerifier.DiagnosticsAsync("""
            class C
            {
                const int SshPort = 22;
                const int InternalPort = 7777;
                enum Ports { HttpsPort = 443 }
                void M() { const int localPort = 8080; }
            }
            """);
        Assert.All(diagnostics, d => Assert.Equal(("PORT001", DiagnosticSeverity.Info), (d.Id, d.Severity)));
        Assert.Equal(["Ssh", "Https", "HttpAlt"], diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Properties["ConstantName"]));
    }

    [Fact]
    public async Task PrimaryEntryIsPreferredByDefault()
    {
        var diagnostic = Assert.Single(await AnalyzerVerifier.DiagnosticsAsync("class C { int Port = 80; }"));
        Assert.EndsWith("use WellKnownPorts.Http", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("smtpsPort", 465, "Smtps")]
    [InlineData("SUBMISSIONS_PORT", 465, "Submissions")]
    [InlineData("httpProxyPort", 8080, "HttpProxy")]
    [InlineData("proxyPort", 8080, "HttpAlt")]
    [InlineData("wwwHttpPort", 80, "WwwHttp")]
    public async Task EntryWhoseNameMatchesTheContextWins(string name, int port, string expected)
    {
        var diagnostic = Assert.Single(await AnalyzerVerifier.DiagnosticsAsync($"class C {{ int {name} = {port}; }}"));
        Assert.Equal(expected, diagnostic.Properties["ConstantName"]);
    }

    [Fact]
    public async Task UserCatalogWinsOverTheBuiltInOne()
    {
        var diagnostics = await AnalyzerVerifier.DiagnosticsAsync("""
            class C
            {
                int AdminPort = 8080;
                int PostgreSqlPort = 5432;
                int SshPort = 22;
            }
            """, extraSources: [CatalogFixtures.UserCatalog]);
        Assert.Equal(
            ["Port 8080 is hardcoded; use ServicePorts.Admin", "Port 5432 is hardcoded; use ServicePorts.Database", "Port 22 is hardcoded; use WellKnownPorts.Ssh"],
            diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.GetMessage()));
        Assert.Equal("MyApp.Ports.ServicePorts", diagnostics.OrderBy(d => d.Location.SourceSpan.Start).First().Properties["CatalogType"]);
    }

    [Fact]
    public async Task CatalogInAReferencedAssemblyIsFound()
    {
        var library = TestCompilation.Library("Contoso.Ports", """
            namespace Contoso
            {
                [PortCatalog.PortCatalog]
                public static partial class ContosoPorts { public const int Billing = 7777; }
                [PortCatalog.PortCatalog]
                internal static partial class HiddenPorts { public const int Secret = 7778; }
            }
            """);
        var diagnostics = await AnalyzerVerifier.DiagnosticsAsync("class C { int BillingPort = 7777; int SecretPort = 7778; }", extraReferences: [library]);
        Assert.Equal(["PORT001: Port 7777 is hardcoded; use ContosoPorts.Billing", "PORT002: Port 7778 is hardcoded; extract a named constant"],
            diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Id + ": " + d.GetMessage()));
    }

    [Fact]
    public async Task WithoutAnyCatalogEveryPortIsPort002()
    {
        var diagnostics = await AnalyzerVerifier.DiagnosticsAsync("class C { int Port = 22; }", includeBuiltInCatalog: false);
        Assert.Equal("PORT002", Assert.Single(diagnostics).Id);
    }
}
