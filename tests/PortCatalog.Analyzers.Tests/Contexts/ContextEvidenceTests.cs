using Microsoft.CodeAnalysis;
using PortCatalog.Analyzers.Tests.Infrastructure;
using static PortCatalog.Analyzers.Tests.Infrastructure.PortVerifier;

namespace PortCatalog.Analyzers.Tests;

/// <summary>
/// The names around a literal as evidence (issue 11): a weak claim is suggested only when the context names the
/// service, a context naming another service gets PORT002, client-side ports are no service ports.
/// </summary>
public sealed class ContextEvidenceTests
{
    private const string Usings = """
        using System;
        using System.Net;
        using System.Net.Sockets;

        """;

    [Fact]
    public Task RedisClusterNodeOn7000IsNotCassandraInternode() => VerifyAsync(Usings + """
        class RedisClusterTests
        {
            IPEndPoint Node() => new IPEndPoint(IPAddress.Loopback, [|7000|]);
        }
        """, defaultId: "PORT002");

    [Fact]
    public Task WeakClaimsWithoutAgreeingContextAreExtractNotSuggest() => VerifyAsync(Usings + """
        class CacheEndpoints
        {
            int cloudCachePort = [|10000|];
            int testServerPort = [|8009|];
            int dummyPort = [|123|];
            int otherDatabasePort = [|8888|];
            void M(TcpClient client) => client.Connect("localhost", [|7|]);
        }
        """, defaultId: "PORT002");

    [Fact]
    public Task WeakClaimsAreSuggestedWhenTheContextNamesTheService() => VerifyAsync(Usings + """
        class JupyterServer
        {
            int Port = {|#0:8888|};
            int cassandraInternodePort = {|#1:7000|};
            int AzuriteBlobPort = {|#2:10000|};
            int ntpPort = {|#3:123|};
        }
        """, expected: [
            Diagnostic("PORT001", 0).WithMessage("Port 8888 is hardcoded; use WellKnownPorts.Jupyter"),
            Diagnostic("PORT001", 1).WithMessage("Port 7000 is hardcoded; use WellKnownPorts.CassandraInternode"),
            Diagnostic("PORT001", 2).WithMessage("Port 10000 is hardcoded; use WellKnownPorts.AzuriteBlob"),
            Diagnostic("PORT001", 3).WithMessage("Port 123 is hardcoded; use WellKnownPorts.Ntp"),
        ]);

    [Fact]
    public Task ContextNamingAnotherServiceGetsNoSuggestion() => VerifyAsync(Usings + """
        sealed class Socks5Server { public Socks5Server(int port) { } }
        class Socks5ServerTests
        {
            void LocalListener() { var listener = new TcpListener(IPAddress.Loopback, [|22|]); }
        }
        class Setup
        {
            object Proxy() => new Socks5Server([|22|]);
            string Url = "redis://cache";
            object Cache() => new DnsEndPoint("redis://cache", [|25|]);
        }
        """, defaultId: "PORT002");

    [Fact]
    public Task FrameworkTypesAndHostNamesNameNoOtherService() => VerifyAsync(Usings + """
        class Mail
        {
            object Dns() => new DnsEndPoint("localhost", {|#0:6379|});
            object Relay() => new TcpClient("smtp.example.org", {|#1:587|});
        }
        """, expected: [
            Diagnostic("PORT001", 0).WithMessage("Port 6379 is hardcoded; use WellKnownPorts.Redis"),
            Diagnostic("PORT001", 1).WithMessage("Port 587 is hardcoded; use WellKnownPorts.Submission"),
        ]);

    [Fact]
    public Task EvidencePicksTheEntryItNames() => VerifyAsync(Usings + """
        class HttpProxyServer { int Port = {|#0:8080|}; }
        """, expected: Diagnostic("PORT001", 0).WithMessage("Port 8080 is hardcoded; use WellKnownPorts.HttpProxy"));

    [Fact]
    public Task SourceOriginatorAndClientPortsAreNotServicePorts() => VerifyAsync(Usings + """
        class Forwarding
        {
            static void Forward(string originatorAddress, int originatorPort, int sourcePort, int srcPort) { }
            void M(IPEndPoint e)
            {
                Forward("10.0.0.1", 25, 21, 80);
                var clientPort = 80;
                int ephemeralPort = 70000;
                if (e.Port == [|22|]) { }
            }
        }
        """);

    [Fact]
    public Task RangeBoundsAreNotPorts() => VerifyAsync(Usings + """
        class Validation
        {
            bool Valid(int port) => port > 0 && port <= 65535;
            bool Invalid(int port) => port < 1 || port > 65535 || port >= 70000;
            bool Privileged(Uri uri) => uri.Port < 1024;
            bool Pattern(int port) => port is < 1 or > 65535;
            string Kind(int port) => port switch { < 1024 => "system", <= 49151 => "registered", _ => "dynamic" };
        }
        """);

    [Fact]
    public Task SentinelsAreNotInvalidPorts() => VerifyAsync(Usings + """
        class Parsing
        {
            int _port = -1;
            int Port { get; set; } = -1;
            static bool TryParsePort(string text, out int port)
            {
                if (!int.TryParse(text, out port)) { port = -1; return false; }
                return port != -1 && port == -1 == false;
            }
            void M(UriBuilder builder, IPEndPoint e)
            {
                builder.Port = -1;
                var b = new UriBuilder("http", "example.org", -1);
                if (e.Port == 70000) { }
                switch (e.Port) { case -1: break; }
                var unset = e.Port is -1;
            }
        }
        """);

    [Fact]
    public Task InvalidPortsInsideExceptionAssertionsAreDeliberate() => VerifyAsync(Usings + """
        namespace Xunit
        {
            public static class Assert
            {
                public static T Throws<T>(Func<object> testCode) where T : Exception => throw null!;
                public static void Equal<T>(T expected, T actual) { }
            }
        }
        namespace NUnit.Framework { public static class Throws { public static object Exception => null!; } public static class Assert { public static void That(Func<object> code, object constraint) { } } }
        class EndpointTests
        {
            void Rejects()
            {
                Xunit.Assert.Throws<ArgumentOutOfRangeException>(() => new IPEndPoint(IPAddress.Loopback, -1));
                Xunit.Assert.Throws<ArgumentOutOfRangeException>(() => new IPEndPoint(IPAddress.Loopback, 65536));
                NUnit.Framework.Assert.That(() => new IPEndPoint(IPAddress.Loopback, 70000), NUnit.Framework.Throws.Exception);
            }

            void NotAsserted() => _ = new IPEndPoint(IPAddress.Loopback, {|PORT003:70000|});
        }
        """);

    [Fact]
    public Task InvalidPortsSetUpForAnAssertedFailureAreDeliberate() => VerifyAsync(Usings + """
        namespace Xunit { public static class Assert { public static T ThrowsExactly<T>(Action testCode) where T : Exception => throw null!; } }
        sealed class ProxyOptions { public string? Host { get; set; } public int Port { get; set; } }
        sealed class ProxyClient { public ProxyClient(ProxyOptions options) { } }
        class ProxyTests
        {
            void RejectsAnInvalidPort()
            {
                var options = new ProxyOptions { Host = "127.0.0.1", Port = 70000 };
                Xunit.Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => _ = new ProxyClient(options));
            }

            void NoAssertion() => _ = new ProxyOptions { Port = {|PORT003:70000|} };
        }
        """);

    [Fact]
    public Task ServiceNamesWithDigitsAndTlsVariantsAgree() => VerifyAsync(Usings + """
        class FtpClient
        {
            int Port { get { return {|#0:21|}; } }
            int ImplicitPort() => {|#1:990|};
        }
        class Socks5Tests { void M() { var listener = new TcpListener(IPAddress.Loopback, {|PORT002:22|}); } }
        """, expected: [
            Diagnostic("PORT001", 0).WithMessage("Port 21 is hardcoded; use WellKnownPorts.Ftp"),
            Diagnostic("PORT001", 1).WithMessage("Port 990 is hardcoded; use WellKnownPorts.Ftps"),
        ]);

    [Fact]
    public Task CatalogLookupsAreNotPortUses() => VerifyAsync("""
        using PortCatalog;
        class C
        {
            string? Name() => WellKnownPorts.TryGetInfo(1433, out var info) ? info.ServiceName : null;
            bool Known(int port) => WellKnownPorts.TryGetInfo(port, Transport.Udp, out _) || port == [|1433|];
        }
        """, catalogs: TestCatalogs.RealLibrary);

    [Fact]
    public Task ConstDuplicatingACatalogConstantIsPort005NotHardcoded() => VerifyAsync("""
        class C
        {
            public const int DefaultPort = {|#0:5432|};
            const int InternalPort = 7777;
            enum Ports { HttpsPort = {|#1:443|} }
            void M() { const int localPort = {|#2:8080|}; }
        }
        """, expected: [
            Diagnostic("PORT005", 0).WithSeverity(DiagnosticSeverity.Info).WithMessage("DefaultPort duplicates WellKnownPorts.PostgreSql (5432); define it as WellKnownPorts.PostgreSql"),
            Diagnostic("PORT005", 1).WithMessage("HttpsPort duplicates WellKnownPorts.Https (443); define it as WellKnownPorts.Https"),
            Diagnostic("PORT005", 2).WithMessage("localPort duplicates WellKnownPorts.HttpAlt (8080); define it as WellKnownPorts.HttpAlt"),
        ]);

    [Fact]
    public Task Port001SeverityDoesNotChangeTheConstCase() => VerifyAsync("""
        class C
        {
            public const int DefaultPort = {|#0:5432|};
            int Port = {|#1:5432|};
        }
        """, EditorConfig("dotnet_diagnostic.PORT001.severity = error"), expected: [
            Diagnostic("PORT005", 0).WithSeverity(DiagnosticSeverity.Info),
            Diagnostic("PORT001", 1).WithSeverity(DiagnosticSeverity.Error),
        ]);

    [Fact]
    public Task CollectionInitializerElementsBoundToAPortParameter() => VerifyAsync(Usings + """
        using System.Collections;
        using System.Collections.Generic;
        sealed class EndPointCollection : IEnumerable<EndPoint>
        {
            public void Add(string host, int port) { }
            public IEnumerator<EndPoint> GetEnumerator() => throw null!;
            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }
        sealed class ConfigurationOptions { public EndPointCollection EndPoints { get; } = new(); }
        class C
        {
            object Options() => new ConfigurationOptions { EndPoints = { { "127.0.0.1", [|6379|] }, { "localhost", {|PORT002:7777|} } } };
            void Explicit(ConfigurationOptions o) => o.EndPoints.Add("127.0.0.1", [|6379|]);
        }
        """);

    [Fact]
    public Task ReturnInAPortGetterAndPortMethods() => VerifyAsync(Usings + """
        class ServerSettings
        {
            public int Port { get { return [|990|]; } }
            public int AdminPort { get => [|8080|]; }
            int GetDefaultPort() => [|22|];
            int DefaultPort() { return [|443|]; }
            int Count { get { return 990; } }
            int M() { Func<int> f = () => 22; return 990; }
        }
        """);

    [Fact]
    public Task AssertionsAgainstAPortMember() => VerifyAsync(Usings + """
        namespace Xunit { public static class Assert { public static void Equal<T>(T expected, T actual) { } public static void NotEqual<T>(T expected, T actual) { } } }
        namespace NUnit.Framework { public static class Assert { public static void AreEqual(object expected, object actual) { } } }
        class EndpointTests
        {
            void M(IPEndPoint ep, Uri uri)
            {
                Xunit.Assert.Equal([|6379|], ep.Port);
                Xunit.Assert.Equal(uri.Port, [|443|]);
                NUnit.Framework.Assert.AreEqual([|22|], ep.Port);
                Xunit.Assert.Equal(6379, ep.AddressFamily.GetHashCode());
            }
        }
        """);

    [Fact]
    public Task ConstraintAndFluentAssertionsAndPortNamedMethods() => VerifyAsync(Usings + """
        namespace NUnit.Framework
        {
            public static class Is { public static object EqualTo(object expected) => expected; }
            public static class Assert { public static void That(object actual, object constraint) { } }
        }
        static class ShouldExtensions { public static Check Should<T>(this T value) => new(); }
        sealed class Check { public void Be(object expected) { } }
        sealed class Builder { public Builder WithPort(int value) => this; public Builder WithTimeout(int value) => this; }
        class EndpointTests
        {
            void M(IPEndPoint ep, Builder builder)
            {
                NUnit.Framework.Assert.That(ep.Port, NUnit.Framework.Is.EqualTo([|6379|]));
                NUnit.Framework.Assert.That(ep.AddressFamily, NUnit.Framework.Is.EqualTo(6379));
                ep.Port.Should().Be([|22|]);
                builder.WithPort([|1080|]).WithTimeout(1080);
            }
        }
        """);

    [Fact]
    public Task MembersOfAClassNamedLikeAPortsTable() => VerifyAsync("""
        static class DefaultPorts
        {
            public const int Redis = {|PORT005:6379|};
            public static readonly int PostgreSql = [|5432|];
            public static int Custom { get; } = {|PORT002:7777|};
        }
        static class Defaults { public const int Redis = 6379; }
        """);

    [Fact]
    public Task Port004SuggestsOnlyConstantsFittingTheScheme() => VerifyAsync("""
        class C
        {
            string Notebook = "http://localhost:8888/tree";
            string Web = "http://localhost:[|8080|]";
            string Tls = "https://localhost:[|443|]";
            string Cache = "redis://cache:[|6379|]";
            string Db = "postgres://db:[|5432|]/app";
            string Cassandra = "http://localhost:7000";
        }
        """, EditorConfig("dotnet_diagnostic.PORT004.severity = suggestion"), defaultId: "PORT004");

    [Fact]
    public Task Port004SkipsTestFrameworkAttributes() => VerifyAsync("""
        namespace Xunit
        {
            [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = true)]
            public sealed class InlineDataAttribute : System.Attribute { public InlineDataAttribute(params object[] data) { } }
        }
        class Tests
        {
            [Xunit.InlineData("http://localhost:8080")]
            public void Connects(string url) { }
        }
        """, EditorConfig("dotnet_diagnostic.PORT004.severity = suggestion"), defaultId: "PORT004");
}
