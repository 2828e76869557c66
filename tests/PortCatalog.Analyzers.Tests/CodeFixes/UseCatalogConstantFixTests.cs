using PortCatalog.Analyzers.Tests.Infrastructure;
using PortCatalog.CodeFixes;

namespace PortCatalog.Analyzers.Tests;

/// <summary>The PORT001 fix: replace the literal with the constant, add the using or qualify, Fix All.</summary>
public sealed class UseCatalogConstantFixTests
{
    [Fact]
    public Task ReplacesTheLiteralAndAddsTheUsing() => PortVerifier.VerifyFixAsync<UseCatalogConstantCodeFixProvider>("""
        using System.Net;

        class C
        {
            IPEndPoint M(IPAddress ip) => new IPEndPoint(ip, [|5432|]);
        }
        """, """
        using System.Net;
        using PortCatalog;

        class C
        {
            IPEndPoint M(IPAddress ip) => new IPEndPoint(ip, WellKnownPorts.PostgreSql);
        }
        """, "PORT001");

    [Fact]
    public Task KeepsCastsNamedArgumentsAndTrivia() => PortVerifier.VerifyFixAsync<UseCatalogConstantCodeFixProvider>("""
        using PortCatalog;

        class C
        {
            static void Open(string host, int port) { }
            void M()
            {
                ushort sshPort = (ushort)[|22|]; // ssh
                Open(port: /* tls */ [|443|], host: "h");
                long wide = 0, widePort = [|80L|];
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
        """, "PORT001");

    [Fact]
    public Task NoUsingNeededInsideTheCatalogNamespace() => PortVerifier.VerifyFixAsync<UseCatalogConstantCodeFixProvider>("""
        namespace PortCatalog.App;

        class C
        {
            bool M(System.Net.IPEndPoint e) => e.Port switch { [|22|] => true, _ => false };
        }
        """, """
        namespace PortCatalog.App;

        class C
        {
            bool M(System.Net.IPEndPoint e) => e.Port switch { WellKnownPorts.Ssh => true, _ => false };
        }
        """, "PORT001");

    [Fact]
    public Task QualifiesWhenAnotherWellKnownPortsIsInScope() => PortVerifier.VerifyFixAsync<UseCatalogConstantCodeFixProvider>("""
        namespace App
        {
            static class WellKnownPorts { public const int Unrelated = 1; }

            class C
            {
                int Port = [|22|];
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
        """, "PORT001");

    [Fact]
    public Task FixesCaseLabelsAndConstDeclarations() => PortVerifier.VerifyFixAsync<UseCatalogConstantCodeFixProvider>("""
        class C
        {
            const int SshPort = {|PORT005:22|};
            string M(int port)
            {
                switch (port)
                {
                    case [|443|]: return "tls";
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
        """, "PORT001");

    [Fact]
    public Task FixAllFixesEveryDocumentOfEveryProjectWithOneUsingEach() => PortVerifier.VerifyFixAllAsync<UseCatalogConstantCodeFixProvider>(
        [
            [
                """
                class C
                {
                    int SshPort = [|22|];
                    int WebPort = [|80|];
                    bool M(System.Net.IPEndPoint e) => e.Port == [|443|] || e.Port == [|22|];
                }
                """,
                "class D\n{\n    int Port = [|25|];\n}\n",
            ],
            ["class E\n{\n    int Port = [|80|];\n}\n"],
        ],
        [
            [
                """
                using PortCatalog;

                class C
                {
                    int SshPort = WellKnownPorts.Ssh;
                    int WebPort = WellKnownPorts.Http;
                    bool M(System.Net.IPEndPoint e) => e.Port == WellKnownPorts.Https || e.Port == WellKnownPorts.Ssh;
                }
                """,
                "using PortCatalog;\n\nclass D\n{\n    int Port = WellKnownPorts.Smtp;\n}\n",
            ],
            ["using PortCatalog;\n\nclass E\n{\n    int Port = WellKnownPorts.Http;\n}\n"],
        ],
        "PORT001");
}
