using Microsoft.CodeAnalysis.CodeFixes;
using PortCatalog.Analyzers.Tests.Infrastructure;
using PortCatalog.CodeFixes;

namespace PortCatalog.Analyzers.Tests;

/// <summary>The PORT001 fix: replace the literal with the constant, add the using or qualify, Fix All.</summary>
public sealed class UseCatalogConstantFixTests
{
    private static readonly UseCatalogConstantCodeFixProvider Provider = new();

    [Fact]
    public Task ReplacesTheLiteralAndAddsTheUsing() => CodeFixVerifier.VerifyAsync(Provider, """
        using System.Net;

        class C
        {
            IPEndPoint M(IPAddress ip) => new IPEndPoint(ip, 5432);
        }
        """, """
        using System.Net;
        using PortCatalog;

        class C
        {
            IPEndPoint M(IPAddress ip) => new IPEndPoint(ip, WellKnownPorts.PostgreSql);
        }
        """);

    [Fact]
    public Task KeepsCastsNamedArgumentsAndTrivia() => CodeFixVerifier.VerifyAsync(Provider, """
        using PortCatalog;

        class C
        {
            static void Open(string host, int port) { }
            void M()
            {
                ushort sshPort = (ushort)22; // ssh
                Open(port: /* tls */ 443, host: "h");
                long wide = 0, widePort = 80L;
            }
        }
        """, """
        using PortCatalog;

        class C
        {
            static void Open(string host, int port) { }
            void M()
            {
                ushort sshPort = (ushort)WellKnownPorts.Ssh; // ssh
                Open(port: /* tls */ WellKnownPorts.Https, host: "h");
                long wide = 0, widePort = WellKnownPorts.Http;
            }
        }
        """);

    [Fact]
    public Task NoUsingNeededInsideTheCatalogNamespace() => CodeFixVerifier.VerifyAsync(Provider, """
        namespace PortCatalog.App;

        class C
        {
            bool M(System.Net.IPEndPoint e) => e.Port switch { 22 => true, _ => false };
        }
        """, """
        namespace PortCatalog.App;

        class C
        {
            bool M(System.Net.IPEndPoint e) => e.Port switch { WellKnownPorts.Ssh => true, _ => false };
        }
        """);

    [Fact]
    public Task QualifiesWhenAnotherWellKnownPortsIsInScope() => CodeFixVerifier.VerifyAsync(Provider, """
        namespace App
        {
            static class WellKnownPorts { public const int Unrelated = 1; }

            class C
            {
                int Port = 22;
            }
        }
        """, """
        namespace App
        {
            static class WellKnownPorts { public const int Unrelated = 1; }

            class C
            {
                int Port = PortCatalog.WellKnownPorts.Ssh;
            }
        }
        """);

    [Fact]
    public Task FixesCaseLabelsAndConstDeclarations() => CodeFixVerifier.VerifyAsync(Provider, """
        class C
        {
            const int SshPort = 22;
            string M(int port)
            {
                switch (port)
                {
                    case 443: return "tls";
                    default: return "";
                }
            }
        }
        """, """
        using PortCatalog;

        class C
        {
            const int SshPort = WellKnownPorts.Ssh;
            string M(int port)
            {
                switch (port)
                {
                    case WellKnownPorts.Https: return "tls";
                    default: return "";
                }
            }
        }
        """);

    [Fact]
    public Task FixAllInDocumentAddsOneUsing() => CodeFixVerifier.VerifyFixAllAsync(Provider, FixAllScope.Document,
        [[
            """
            class C
            {
                int SshPort = 22;
                int WebPort = 80;
                bool M(System.Net.IPEndPoint e) => e.Port == 443 || e.Port == 22;
            }
            """,
            """
            class D { int Port = 25; }
            """,
        ]],
        [[
            """
            using PortCatalog;

            class C
            {
                int SshPort = WellKnownPorts.Ssh;
                int WebPort = WellKnownPorts.Http;
                bool M(System.Net.IPEndPoint e) => e.Port == WellKnownPorts.Https || e.Port == WellKnownPorts.Ssh;
            }
            """,
            """
            class D { int Port = 25; }
            """,
        ]]);

    [Fact]
    public Task FixAllInProjectFixesEveryDocumentOfTheProjectOnly() => CodeFixVerifier.VerifyFixAllAsync(Provider, FixAllScope.Project,
        [["class C { int SshPort = 22; }", "class D { int Port = 25; }"], ["class E { int Port = 80; }"]],
        [["using PortCatalog;\n\nclass C { int SshPort = WellKnownPorts.Ssh; }", "using PortCatalog;\n\nclass D { int Port = WellKnownPorts.Smtp; }"], ["class E { int Port = 80; }"]]);

    [Fact]
    public Task FixAllInSolutionFixesEveryProject() => CodeFixVerifier.VerifyFixAllAsync(Provider, FixAllScope.Solution,
        [["class C { int SshPort = 22; }", "class D { int Port = 25; }"], ["class E { int Port = 80; }"]],
        [["using PortCatalog;\n\nclass C { int SshPort = WellKnownPorts.Ssh; }", "using PortCatalog;\n\nclass D { int Port = WellKnownPorts.Smtp; }"], ["using PortCatalog;\n\nclass E { int Port = WellKnownPorts.Http; }"]]);
}
