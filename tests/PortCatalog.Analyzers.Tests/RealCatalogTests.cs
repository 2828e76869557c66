using Microsoft.CodeAnalysis;
using PortCatalog.Analyzers.Tests.Infrastructure;

namespace PortCatalog.Analyzers.Tests;

/// <summary>The analyzers against the real PortCatalog.dll: the generated <c>WellKnownPorts</c>, found from metadata.</summary>
public sealed class RealCatalogTests
{
    [Theory]
    [InlineData("new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 5432)", "Port 5432 is hardcoded; use WellKnownPorts.PostgreSql")]
    [InlineData("new System.Net.Sockets.TcpClient(\"db\", 1433)", "Port 1433 is hardcoded; use WellKnownPorts.SqlServer")]
    [InlineData("new System.UriBuilder { Port = 443 }", "Port 443 is hardcoded; use WellKnownPorts.Https")]
    [InlineData("new System.Net.DnsEndPoint(\"cache\", 6379)", "Port 6379 is hardcoded; use WellKnownPorts.Redis")]
    public async Task HardcodedPortNamesTheGeneratedConstant(string expression, string message)
    {
        var diagnostics = await DiagnosticsAsync($"class C {{ object M() => {expression}; }}");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PORT001", diagnostic.Id);
        Assert.Equal(message, diagnostic.GetMessage());
    }

    [Fact]
    public async Task ThePortTheCatalogLacksIsPort002()
    {
        var diagnostics = await DiagnosticsAsync("class C { object M() => new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 47123); }");

        Assert.Equal("PORT002", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public async Task CodeUsingTheConstantsIsClean()
    {
        var diagnostics = await DiagnosticsAsync("""
            using PortCatalog;
            class C
            {
                object M() => new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, WellKnownPorts.PostgreSql);
                bool Secure(System.Uri uri) => uri.Port == WellKnownPorts.Https;
            }
            """);

        Assert.Empty(diagnostics);
    }

    private static async Task<IReadOnlyList<Diagnostic>> DiagnosticsAsync(string source)
    {
        var options = new EditorConfigOptions(null);
        var compilation = TestCompilation.Create([source], options.SyntaxTreeOptions);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var result = await AnalyzerRunner.RunAsync(compilation, options.AnalyzerOptions);
        Assert.Empty(result.AnalyzerExceptions);
        return result.Diagnostics;
    }
}
