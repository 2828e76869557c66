using PortCatalog.Analyzers.Tests.Infrastructure;
using PortCatalog.CodeFixes;

namespace PortCatalog.Analyzers.Tests;

/// <summary>The PORT002 fix: introduce <c>private const int XxxPort = n;</c> and use it.</summary>
public sealed class ExtractPortConstantFixTests
{
    [Fact]
    public Task NamesTheConstantAfterTheContext() => PortVerifier.VerifyFixAsync<ExtractPortConstantCodeFixProvider>("""
        class C
        {
            private readonly int _x = 1;

            void M()
            {
                var adminPort = [|7777|];
            }
        }
        """, """
        class C
        {
            private const int AdminPort = 7777;
            private readonly int _x = 1;

            void M()
            {
                var adminPort = AdminPort;
            }
        }
        """, "PORT002");

    [Fact]
    public Task BarePortBecomesDefaultPortAfterExistingConstants() => PortVerifier.VerifyFixAsync<ExtractPortConstantCodeFixProvider>("""
        using System.Net;

        class C
        {
            const string Host = "h";

            IPEndPoint M() => new IPEndPoint(IPAddress.Any, (ushort)[|7777|]);
        }
        """, """
        using System.Net;

        class C
        {
            const string Host = "h";
            private const int DefaultPort = 7777;

            IPEndPoint M() => new IPEndPoint(IPAddress.Any, (ushort)DefaultPort);
        }
        """, "PORT002");

    [Fact]
    public Task AvoidsNamesInUseAndReusesTheSameValue() => PortVerifier.VerifyFixAsync<ExtractPortConstantCodeFixProvider>("""
        class C
        {
            int DefaultPort(int x) => x;

            void M(int port)
            {
                var a = new System.Net.IPEndPoint(0, [|7777|]);
                var b = new System.Net.IPEndPoint(0, [|7777|]);
                var c = new System.Net.IPEndPoint(0, [|7778|]);
            }
        }
        """, """
        class C
        {
            private const int DefaultPort2 = 7777;
            private const int DefaultPort3 = 7778;

            int DefaultPort(int x) => x;

            void M(int port)
            {
                var a = new System.Net.IPEndPoint(0, DefaultPort2);
                var b = new System.Net.IPEndPoint(0, DefaultPort2);
                var c = new System.Net.IPEndPoint(0, DefaultPort3);
            }
        }
        """, "PORT002");

    [Fact]
    public Task FixAllInDocumentSharesConstantsPerType() => PortVerifier.VerifyFixAllAsync<ExtractPortConstantCodeFixProvider>(
        [[
            """
            class C
            {
                int ADMIN_PORT = [|7777|];
                bool M(System.Net.IPEndPoint e) => e.Port == [|7777|] || e.Port == [|9999|];

                class Nested { int metricsPort = [|9100|]; }
            }
            """,
        ]],
        [[
            """
            class C
            {
                private const int AdminPort = 7777;
                private const int DefaultPort = 7777;
                private const int DefaultPort2 = 9999;
                int ADMIN_PORT = AdminPort;
                bool M(System.Net.IPEndPoint e) => e.Port == DefaultPort || e.Port == DefaultPort2;

                class Nested { private const int MetricsPort = 9100; int metricsPort = MetricsPort; }
            }
            """,
        ]],
        "PORT002");

    [Fact]
    public Task TopLevelStatementsGetNoFix() => PortVerifier.VerifyFixAsync<ExtractPortConstantCodeFixProvider>("""
        var ep = new System.Net.IPEndPoint(0, [|7777|]);
        """, """
        var ep = new System.Net.IPEndPoint(0, [|7777|]);
        """, "PORT002", outputKind: Microsoft.CodeAnalysis.OutputKind.ConsoleApplication);

    [Theory]
    [InlineData("port", "DefaultPort")]
    [InlineData("smtpPort", "SmtpPort")]
    [InlineData("SMTP_PORT", "SmtpPort")]
    [InlineData("http2Port", "Http2Port")]
    [InlineData("portNumber", "DefaultPort")]
    [InlineData("endpointNumber", "DefaultPort")]
    public void ConstantNames(string context, string expected) => Assert.Equal(expected, ExtractPortConstantCodeFixProvider.BaseName(context));
}
