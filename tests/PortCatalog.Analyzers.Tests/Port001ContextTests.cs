using PortCatalog.Analyzers.Tests.Infrastructure;

namespace PortCatalog.Analyzers.Tests;

/// <summary>PORT001 in every port context the rule names; each test also proves nearby non-port literals stay quiet.</summary>
public sealed class Port001ContextTests
{
    private const string Usings = """
        using System;
        using System.Net;
        using System.Net.Sockets;
        using System.Net.Mail;

        """;

    [Fact]
    public Task IPEndPointConstructorArgument() => PortVerifier.VerifyAsync(Usings + """
        class C { IPEndPoint M(IPAddress ip) => new IPEndPoint(ip, [|8080|]); }
        """);

    [Fact]
    public Task DnsEndPointArgument() => PortVerifier.VerifyAsync(Usings + """
        class C { EndPoint M() => new DnsEndPoint("db", [|5432|]); }
        """);

    [Fact]
    public Task TcpClientConstructorConnectAndConnectAsync() => PortVerifier.VerifyAsync(Usings + """
        class C
        {
            async System.Threading.Tasks.Task M()
            {
                using var a = new TcpClient("host", [|22|]);
                using var b = new TcpClient();
                b.Connect("host", [|25|]);
                await b.ConnectAsync("host", [|443|]);
            }
        }
        """);

    [Fact]
    public Task TcpListenerUdpClientAndSocketConnect() => PortVerifier.VerifyAsync(Usings + """
        class C
        {
            void M(Socket socket)
            {
                var listener = new TcpListener(IPAddress.Any, [|8080|]);
                using var udp = new UdpClient([|6379|]);
                socket.Connect(IPAddress.Loopback, [|3306|]);
                socket.ConnectAsync("host", [|80|]);
            }
        }
        """);

    [Fact]
    public Task UriBuilderPortNumberParameterAndSmtpClient() => PortVerifier.VerifyAsync(Usings + """
        class C
        {
            void M()
            {
                var b = new UriBuilder("https", "example.org", [|443|]);
                using var smtp = new SmtpClient("mail", [|587|]);
            }
        }
        """);

    [Fact]
    public Task KestrelStyleListenMethodsOnAnyTypeByParameterName() => PortVerifier.VerifyAsync(Usings + """
        class KestrelServerOptions
        {
            public void Listen(IPAddress address, int port) { }
            public void ListenLocalhost(int port) { }
            public void ListenAnyIP(int port, Action<object>? configure = null) { }
        }
        class C
        {
            void M(KestrelServerOptions o)
            {
                o.Listen(IPAddress.Any, [|80|]);
                o.ListenLocalhost([|8080|]);
                o.ListenAnyIP([|443|], null);
            }
        }
        """);

    [Fact]
    public Task NamedArgumentsInAnyOrder() => PortVerifier.VerifyAsync(Usings + """
        class C
        {
            static void Open(string host, int timeoutMs, int port) { }
            void M() { Open(port: [|22|], host: "h", timeoutMs: 22); }
        }
        """);

    [Fact]
    public Task ParameterNamesEndingInPortAndDelegates() => PortVerifier.VerifyAsync(Usings + """
        delegate void Connector(string host, int remotePort);
        class C
        {
            static void Bind(int localPort, int SMTP_PORT, int backlog) { }
            void M(Connector connect, Func<int, int> f)
            {
                Bind([|8080|], [|25|], 80);
                connect("h", [|22|]);
                f(22);
            }
        }
        """);

    [Fact]
    public Task ParamsArrayOfPorts() => PortVerifier.VerifyAsync(Usings + """
        class C
        {
            static void Allow(string rule, params int[] ports) { }
            void M() { Allow("ssh", [|22|], [|443|]); }
        }
        """);

    [Fact]
    public Task PropertyAssignmentAndObjectInitializer() => PortVerifier.VerifyAsync(Usings + """
        class Options { public int Port { get; set; } public int DatabasePort; public int Retries { get; set; } }
        class C
        {
            void M(UriBuilder builder, Options options)
            {
                builder.Port = [|443|];
                options.DatabasePort = [|5432|];
                var u = new UriBuilder { Port = [|443|], Host = "h" };
                var o = new Options { Port = [|80|], Retries = 80 };
                o = o is null ? new() : new Options { Port = [|22|] };
            }
        }
        """);

    [Fact]
    public Task ConnectionStringBuilderPort() => PortVerifier.VerifyAsync(Usings + """
        class NpgsqlConnectionStringBuilder { public string? Host { get; set; } public int Port { get; set; } }
        class C { object M() => new NpgsqlConnectionStringBuilder { Host = "db", Port = [|5432|] }; }
        """);

    [Fact]
    public Task LocalAndFieldDeclarations() => PortVerifier.VerifyAsync(Usings + """
        class C
        {
            private int _port = [|22|];
            static readonly int ListenPort = [|8080|];
            int Port { get; set; } = [|80|];
            int AdminPort => [|8080|];
            void M(int port = [|443|])
            {
                var smtpPort = [|25|];
                int remotePort = [|3306|], count = 3306;
                long bigPort = [|5432L|];
                ushort shortPort = [|6379|];
            }
        }
        """);

    [Fact]
    public Task ComparisonsWithAPortMember() => PortVerifier.VerifyAsync(Usings + """
        class C
        {
            bool M(IPEndPoint endpoint, Uri? uri, int port, int length) =>
                endpoint.Port == [|443|] || [|22|] != endpoint.Port || uri?.Port == [|8080|] || port != [|80|] || (int)endpoint.Port == [|25|] || length == 443;
        }
        """);

    [Fact]
    public Task SwitchStatementCasesAndPatterns() => PortVerifier.VerifyAsync(Usings + """
        class C
        {
            string M(IPEndPoint endpoint, int other)
            {
                switch (endpoint.Port)
                {
                    case [|22|]: return "ssh";
                    case [|80|] when other > 0: return "http";
                    case [|443|] or [|8080|]: return "tls";
                }

                switch (other) { case 22: return "not a port"; }
                return "";
            }
        }
        """);

    [Fact]
    public Task SwitchExpressionsIsPatternsAndPropertyPatterns() => PortVerifier.VerifyAsync(Usings + """
        class C
        {
            string M(IPEndPoint endpoint, int port, int count) =>
                port switch { [|22|] => "ssh", [|8080|] => "alt", _ => "" } +
                (endpoint.Port is [|443|] or not [|80|] ? "a" : "b") +
                (endpoint is { Port: [|25|] } ? "smtp" : "") +
                (count is 22 ? "" : "x");
        }
        """);

    [Fact]
    public Task CastsParenthesesConditionalsAndCoalesce() => PortVerifier.VerifyAsync(Usings + """
        class C
        {
            void M(bool secure, int? configured)
            {
                ushort sshPort = (ushort)[|22|];
                ushort length = (ushort)22;
                var b = new IPEndPoint(IPAddress.Any, ([|443|]));
                var port = secure ? [|443|] : [|80|];
                int fallbackPort = configured ?? [|8080|];
                long wide = 0;
                var p2 = new IPEndPoint(IPAddress.Any, checked((int)[|22L|]));
                var defaultPort = secure switch { true => [|443|], false => [|80|] };
            }
        }
        """);

    [Fact]
    public Task CollectionsOfPorts() => PortVerifier.VerifyAsync(Usings + """
        using System.Collections.Generic;
        class Rules { public List<int> AllowedPorts { get; } = new(); }
        class C
        {
            static readonly int[] Ports = { [|22|], [|443|] };
            void M()
            {
                var openPorts = new[] { [|80|], [|8080|] };
                var list = new List<int> { 22, 80 };
                var rules = new Rules { AllowedPorts = { [|25|] } };
            }
        }
        """);

    [Fact]
    public Task AttributeArgumentsOutsideTestFrameworks() => PortVerifier.VerifyAsync(Usings + """
        [AttributeUsage(AttributeTargets.All)]
        sealed class EndpointAttribute : Attribute
        {
            public EndpointAttribute(string host, int port) { }
            public int AdminPort { get; set; }
        }
        [Endpoint("h", [|22|], AdminPort = [|8080|])]
        class C { }
        """);

    [Fact]
    public Task HexLiteralIsReportedWithItsDecimalValue() => PortVerifier.VerifyAsync(Usings + """
        class C { IPEndPoint M() => new(IPAddress.Any, [|0x16|]); }
        """);
}
