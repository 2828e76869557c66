using Microsoft.CodeAnalysis;
using PortCatalog.Analyzers.Tests.Infrastructure;

namespace PortCatalog.Analyzers.Tests;

/// <summary>The .editorconfig keys, read through Roslyn's own .editorconfig parser.</summary>
public sealed class ConfigurationTests
{
    private const string Source = """
        using System.Net;
        class C
        {
            void M()
            {
                var a = new IPEndPoint(IPAddress.Any, 8080);
                var b = new IPEndPoint(IPAddress.Any, 22);
                var c = new IPEndPoint(IPAddress.Any, 9001);
                var d = new IPEndPoint(IPAddress.Any, 5432);
            }
        }
        """;

    [Fact]
    public async Task IgnoredPortsAcceptsCommasSpacesAndRanges()
    {
        var diagnostics = await AnalyzerVerifier.DiagnosticsAsync(Source, "root = true\n[*.cs]\nport_catalog.ignored_ports = 8080, 9000-9100 5432\n");
        Assert.Equal("Port 22 is hardcoded; use WellKnownPorts.Ssh", Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public async Task SemicolonStartsACommentSoItCannotSeparatePorts()
    {
        // `;` begins a comment in .editorconfig: only 8080 is ignored, the rest of the line is a comment.
        var diagnostics = await AnalyzerVerifier.DiagnosticsAsync(Source, "root = true\n[*.cs]\nport_catalog.ignored_ports = 8080 ; 22, 9001, 5432\n");
        Assert.Equal(["22", "9001", "5432"], diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Properties["Port"]));
    }

    [Fact]
    public async Task InvalidIgnoredPortItemsAreSkipped()
    {
        var diagnostics = await AnalyzerVerifier.DiagnosticsAsync(Source, "root = true\n[*.cs]\nport_catalog.ignored_ports = http, 70000, 9100-9000, -5, 22\n");
        Assert.Equal(["8080", "9001", "5432"], diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Properties["Port"]));
    }

    [Fact]
    public Task ExtraPortParameterNames() => AnalyzerVerifier.VerifyAsync("""
        class C
        {
            static void Open(string host, int endpointNumber) { }
            int listenOn = [|8080|];
            void M() { Open("h", [|22|]); var other = 22; }
        }
        """, editorConfig: "root = true\n[*.cs]\nport_catalog.port_parameter_names = endpointNumber, ListenOn\n");

    [Fact]
    public async Task SeverityPerRule()
    {
        var diagnostics = await AnalyzerVerifier.DiagnosticsAsync("class C { int A_Port = 22; int B_Port = 7777; int C_Port = 70000; }",
            "root = true\n[*.cs]\ndotnet_diagnostic.PORT001.severity = error\ndotnet_diagnostic.PORT002.severity = none\ndotnet_diagnostic.PORT003.severity = suggestion\n");
        Assert.Equal([("PORT001", DiagnosticSeverity.Error), ("PORT003", DiagnosticSeverity.Info)],
            diagnostics.OrderBy(d => d.Id).Select(d => (d.Id, d.Severity)));
    }

    [Fact]
    public async Task SettingsApplyPerFileSection()
    {
        var diagnostics = await AnalyzerVerifier.DiagnosticsAsync("class C { int Port = 22; }",
            "root = true\n[Other*.cs]\nport_catalog.ignored_ports = 22\n");
        Assert.Single(diagnostics);
    }
}
