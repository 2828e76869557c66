using Microsoft.CodeAnalysis;
using PortCatalog.Analyzers.Tests.Infrastructure;
using static PortCatalog.Analyzers.Tests.Infrastructure.PortVerifier;

namespace PortCatalog.Analyzers.Tests;

/// <summary>Messages, severities, and which constant PORT001 suggests when several catalog entries share a port.</summary>
public sealed class MessageAndPreferenceTests
{
    [Fact]
    public Task Port001MessageNamesTheLiteralAndTheConstant() => VerifyAsync("class C { int Port = {|#0:5432|}; }",
        expected: Diagnostic("PORT001").WithSeverity(DiagnosticSeverity.Warning).WithMessage("Port 5432 is hardcoded; use WellKnownPorts.PostgreSql"));

    [Fact]
    public Task Port002MessageAndSeverity() => VerifyAsync("class C { int Port = {|#0:7777|}; }",
        expected: Diagnostic("PORT002").WithSeverity(DiagnosticSeverity.Info).WithMessage("Port 7777 is hardcoded; extract a named constant"));

    [Fact]
    public Task Port003MessageAndSeverity() => VerifyAsync("class C { System.Net.IPEndPoint M(System.Net.IPAddress ip) => new(ip, {|#0:70000|}); }",
        expected: Diagnostic("PORT003").WithSeverity(DiagnosticSeverity.Warning).WithMessage("70000 is not a valid port number (0-65535); it fails at run time"));

    [Fact]
    public Task Port004MessageWhenEnabled() => VerifyAsync("class C { string Url = \"postgres://db:{|#0:5432|}/app\"; }",
        editorConfig: EditorConfig("dotnet_diagnostic.PORT004.severity = suggestion"),
        expected: Diagnostic("PORT004").WithSeverity(DiagnosticSeverity.Info).WithMessage("Port 5432 in a URL is hardcoded; use WellKnownPorts.PostgreSql"));

    [Fact]
    public Task PrimaryEntryIsPreferredByDefault() => VerifyAsync("class C { int Port = {|#0:80|}; }",
        expected: Diagnostic("PORT001").WithMessage("Port 80 is hardcoded; use WellKnownPorts.Http"));

    [Theory]
    [InlineData("smtpsPort", 465, "Smtps")]
    [InlineData("SUBMISSIONS_PORT", 465, "Submissions")]
    [InlineData("httpProxyPort", 8080, "HttpProxy")]
    [InlineData("proxyPort", 8080, "HttpAlt")]
    [InlineData("wwwHttpPort", 80, "WwwHttp")]
    public Task EntryWhoseNameMatchesTheContextWins(string name, int port, string expected) => VerifyAsync($"class C {{ int {name} = {{|#0:{port}|}}; }}",
        expected: Diagnostic("PORT001").WithMessage($"Port {port} is hardcoded; use WellKnownPorts.{expected}"));

    [Fact]
    public Task UserCatalogWinsOverTheBuiltInOne() => VerifyAsync("""
        class C
        {
            int AdminPort = {|#0:8080|};
            int PostgreSqlPort = {|#1:5432|};
            int SshPort = {|#2:22|};
        }
        """, extraSources: [CatalogFixtures.UserCatalog], expected: [
            Diagnostic("PORT001", 0).WithMessage("Port 8080 is hardcoded; use ServicePorts.Admin"),
            Diagnostic("PORT001", 1).WithMessage("Port 5432 is hardcoded; use ServicePorts.Database"),
            Diagnostic("PORT001", 2).WithMessage("Port 22 is hardcoded; use WellKnownPorts.Ssh"),
        ]);

    [Fact]
    public Task CatalogInAReferencedAssemblyIsFound()
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
        return VerifyAsync("class C { int BillingPort = {|#0:7777|}; int SecretPort = {|#1:7778|}; }", extraReferences: [library], expected: [
            Diagnostic("PORT001", 0).WithMessage("Port 7777 is hardcoded; use ContosoPorts.Billing"),
            Diagnostic("PORT002", 1).WithMessage("Port 7778 is hardcoded; extract a named constant"),
        ]);
    }

    [Fact]
    public Task WithoutAnyCatalogEveryPortIsPort002() =>
        VerifyAsync("class C { int Port = [|22|]; }", defaultId: "PORT002", catalogs: TestCatalogs.None);
}
