using Microsoft.CodeAnalysis;
using PortCatalog.Analyzers.Tests.Infrastructure;
using static PortCatalog.Analyzers.Tests.Infrastructure.PortVerifier;

namespace PortCatalog.Analyzers.Tests;

/// <summary>The .editorconfig keys, read by the compiler's own .editorconfig parser in the harness's workspace.</summary>
public sealed class ConfigurationTests
{
    private const string Source = """
        using System.Net;
        class C
        {
            void M()
            {
                var a = new IPEndPoint(IPAddress.Any, {|#0:8080|});
                var b = new IPEndPoint(IPAddress.Any, {|#1:22|});
                var c = new IPEndPoint(IPAddress.Any, {|#2:9001|});
                var d = new IPEndPoint(IPAddress.Any, {|#3:5432|});
            }
        }
        """;

    [Fact]
    public Task IgnoredPortsAcceptsCommasSpacesAndRanges() =>
        VerifyAsync(Source, EditorConfig("port_catalog.ignored_ports = 8080, 9000-9100 5432"),
            expected: Diagnostic("PORT001", 1).WithMessage("Port 22 is hardcoded; use WellKnownPorts.Ssh"));

    [Fact]
    public Task SemicolonStartsACommentSoItCannotSeparatePorts() =>
        // `;` begins a comment in .editorconfig: only 8080 is ignored, the rest of the line is a comment.
        VerifyAsync(Source, EditorConfig("port_catalog.ignored_ports = 8080 ; 22, 9001, 5432"),
            expected: [Diagnostic("PORT001", 1), Diagnostic("PORT002", 2), Diagnostic("PORT001", 3)]);

    [Fact]
    public Task InvalidIgnoredPortItemsAreSkipped() =>
        VerifyAsync(Source, EditorConfig("port_catalog.ignored_ports = http, 70000, 9100-9000, -5, 22"),
            expected: [Diagnostic("PORT001", 0), Diagnostic("PORT002", 2), Diagnostic("PORT001", 3)]);

    [Fact]
    public Task ExtraPortParameterNames() => VerifyAsync("""
        class C
        {
            static void Open(string host, int endpointNumber) { }
            int listenOn = [|8080|];
            void M() { Open("h", [|22|]); var other = 22; }
        }
        """, editorConfig: EditorConfig("port_catalog.port_parameter_names = endpointNumber, ListenOn"));

    [Fact]
    public Task SeverityPerRule() => VerifyAsync("class C { int A_Port = {|#0:22|}; int B_Port = 7777; int C_Port = {|#1:70000|}; }",
        EditorConfig("dotnet_diagnostic.PORT001.severity = error", "dotnet_diagnostic.PORT002.severity = none", "dotnet_diagnostic.PORT003.severity = suggestion"),
        expected: [Diagnostic("PORT001", 0).WithSeverity(DiagnosticSeverity.Error), Diagnostic("PORT003", 1).WithSeverity(DiagnosticSeverity.Info)]);

    [Fact]
    public Task SettingsApplyPerFileSection() => VerifyAsync("class C { int Port = [|22|]; }", "root = true\n[Other*.cs]\nport_catalog.ignored_ports = 22\n");
}
