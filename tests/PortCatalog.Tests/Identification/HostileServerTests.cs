using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using PortCatalog.Identification;

namespace PortCatalog.Tests.Identification;

/// <summary>
/// Servers that misbehave (silent, garbage, one byte at a time, instant close, reset, TLS with a self-signed
/// certificate) get a clear unknown with what was seen, never a hang or an exception; cancelling closes every socket;
/// and the probes send exactly what the table documents.
/// </summary>
public sealed class HostileServerTests
{
    // Generous: these tests run beside many others on a loaded machine; what they check does not depend on speed.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>For fakes that answer over TLS: a cold first handshake on a busy machine is slow.</summary>
    private static readonly TimeSpan AnsweringTimeout = TimeSpan.FromSeconds(8);

    /// <summary>Far beyond any identification's own bound: reaching it means a hang, not slowness.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ASilentServiceIsUnknownAndSaysItWasSilent()
    {
        using var server = new FakeServer(static async (socket, stop) => await Task.Delay(System.Threading.Timeout.Infinite, stop));

        var identity = await IdentifyAsync(server.Port);

        Assert.Null(identity.Service);
        Assert.Equal(IdentificationMethod.None, identity.Method);
        Assert.Contains("greeting: silent", identity.Detail);
        Assert.Equal(string.Empty, identity.Excerpt);
    }

    [Fact]
    public async Task GarbageIsUnknownAndShownEscaped()
    {
        var garbage = new byte[] { 0x00, 0xFF, 0x13, 0x37, (byte)'z', 0x7F, 0x80, 0x0A };
        using var server = new FakeServer(async (socket, stop) =>
        {
            await socket.SendAsync(garbage, SocketFlags.None, stop);
            await FakeServer.ReadToEndAsync(socket, HangLimit, stop);
        });

        var identity = await IdentifyAsync(server.Port);

        Assert.Null(identity.Service);
        Assert.Equal(ResponseText.Excerpt(ResponseText.Latin1(garbage)), identity.Excerpt);
        Assert.StartsWith("\\x00\\xFF\\x137z\\x7F\\x80\\n", identity.Excerpt);
        Assert.Contains($"greeting: {garbage.Length} bytes not recognised", identity.Detail);
    }

    [Fact]
    public async Task ASlowDripIsUnknownWithWhatArrivedNotAHang()
    {
        // A real SSH greeting, one byte every 300 ms: never a whole line before the answer's quiet gap ends it. Every
        // connection gets the same drip, so the one-byte "S" after the PostgreSQL SSLRequest must not count either.
        var greeting = Encoding.ASCII.GetBytes("SSH-2.0-OpenSSH_9.2p1\r\n");
        using var server = new FakeServer(async (socket, stop) =>
        {
            foreach (var b in greeting)
            {
                await socket.SendAsync(new[] { b }, SocketFlags.None, stop);
                await Task.Delay(300, stop);
            }
        });

        var identity = await IdentifyAsync(server.Port);

        Assert.Null(identity.Service);
        Assert.StartsWith("S", identity.Excerpt);
        Assert.Contains("bytes not recognised", identity.Detail);
    }

    [Fact]
    public async Task AnInstantCloseIsUnknownAndSaysSo()
    {
        using var server = new FakeServer(static (socket, _) =>
        {
            socket.Shutdown(SocketShutdown.Both);
            socket.Close();
            return Task.CompletedTask;
        });

        var identity = await IdentifyAsync(server.Port);

        Assert.Null(identity.Service);
        Assert.Contains("greeting: closed at once without a word", identity.Detail);
        Assert.Contains("http-get: closed without answering", identity.Detail);
    }

    [Fact]
    public async Task AResetIsUnknownAndSaysSo()
    {
        using var server = new FakeServer(static (socket, _) =>
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close(); // RST
            return Task.CompletedTask;
        });

        var identity = await IdentifyAsync(server.Port);

        Assert.Null(identity.Service);
        Assert.Contains("closed", identity.Detail);
    }

    [Fact]
    public async Task SelfSignedTlsWithSilenceInsideIsUnknownButTls()
    {
        using var certificate = SelfSigned();
        using var server = new FakeServer(async (socket, stop) =>
        {
            await using var tls = new SslStream(new NetworkStream(socket, ownsSocket: false));
            await tls.AuthenticateAsServerAsync(certificate);
            await Task.Delay(System.Threading.Timeout.Infinite, stop);
        });

        var identity = await IdentifyAsync(server.Port);

        Assert.Null(identity.Service);
        Assert.True(identity.Tls, identity.Detail);
        Assert.Contains("TLS handshake succeeded; inside, silent", identity.Detail);
    }

    [Fact]
    public async Task SelfSignedTlsSpeakingHttpIsHttps()
    {
        using var certificate = SelfSigned();
        using var server = new FakeServer(async (socket, stop) =>
        {
            await using var tls = new SslStream(new NetworkStream(socket, ownsSocket: false));
            await tls.AuthenticateAsServerAsync(certificate);
            var request = new byte[256];
            var n = await tls.ReadAsync(request, stop);
            if (Encoding.ASCII.GetString(request, 0, n).StartsWith("GET / HTTP/1.0", StringComparison.Ordinal))
            {
                await tls.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.0 200 OK\r\nServer: FakeHttpd/3.1\r\n\r\n"), stop);
            }
        });

        // A first TLS handshake in a cold, busy test process (CI runs the test assemblies side by side) can take more than
        // the TLS probe's share of 3 s; the fake answers, so a longer timeout costs nothing when all is well.
        var identity = await IdentifyAsync(server.Port, AnsweringTimeout);

        Assert.Equal("https", identity.Service);
        Assert.True(identity.Tls);
        Assert.Equal("FakeHttpd", identity.Product);
        Assert.Equal("3.1", identity.Version);
        Assert.Equal("tls+http-get", identity.Probe);
    }

    [Fact]
    public async Task AnHttpsPortThatExplainsItselfInPlainHttpIsHttpsEvenWithoutTls()
    {
        // What nginx answers a plain request on its TLS port; here the TLS handshake fails, so only that answer tells.
        using var server = new FakeServer(async (socket, stop) =>
        {
            var request = new byte[256];
            var n = await socket.ReceiveAsync(request, SocketFlags.None, stop);
            if (Encoding.ASCII.GetString(request, 0, n).StartsWith("GET ", StringComparison.Ordinal))
            {
                await socket.SendAsync(Encoding.ASCII.GetBytes(
                    "HTTP/1.1 400 Bad Request\r\nServer: nginx/1.22.1\r\nContent-Type: text/html\r\n\r\n"
                    + "<html><body><center>The plain HTTP request was sent to HTTPS port</center></body></html>"), SocketFlags.None, stop);
            }

            socket.Shutdown(SocketShutdown.Both);
        });

        var identity = await IdentifyAsync(server.Port);

        Assert.Equal("https", identity.Service);
        Assert.False(identity.Tls);
        Assert.Equal("nginx", identity.Product);
        Assert.Equal("1.22.1", identity.Version);
    }

    [Fact]
    public async Task AVncServerIsRecognisedFromItsGreeting()
    {
        // No VNC daemon runs in the real-daemon set (Xvnc needs an X display per namespace); its greeting is one line (RFC 6143 7.1.1).
        using var server = FakeServer.Greeting("RFB 003.008\n");

        var identity = await IdentifyAsync(server.Port);

        Assert.Equal("rfb", identity.Service);
        Assert.Equal(IdentificationMethod.Greeting, identity.Method);
        Assert.Equal("RFB 003.008\\n", identity.Excerpt);
    }

    [Fact]
    public async Task ManyPortsAreIdentifiedInParallel()
    {
        var servers = Enumerable.Range(0, 24).Select(i => FakeServer.Greeting($"SSH-2.0-OpenSSH_9.{i}p1\r\n")).ToList();
        try
        {
            var identities = await Task.WhenAll(servers.Select(server => IdentifyAsync(server.Port)));

            Assert.All(identities, identity => Assert.Equal("ssh", identity.Service));
            Assert.Equal(Enumerable.Range(0, 24).Select(i => $"9.{i}p1"), identities.Select(identity => identity.Version));
        }
        finally
        {
            servers.ForEach(server => server.Dispose());
        }
    }

    [Fact]
    public async Task CancellingStopsEveryIdentificationAndClosesEverySocket()
    {
        var servers = Enumerable.Range(0, 16).Select(_ => new FakeServer(static async (socket, stop) => await Task.Delay(System.Threading.Timeout.Infinite, stop))).ToList();
        try
        {
            using var cancel = new CancellationTokenSource();
            var identifications = servers.Select(server => PortProbe.IdentifyAsync(IPAddress.Loopback, server.Port, TimeSpan.FromMinutes(5), cancel.Token)).ToList();
            while (servers.Sum(server => server.AcceptedCount) < servers.Count)
            {
                await Task.Delay(10);
            }

            cancel.Cancel();

            foreach (var identification in identifications)
            {
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => identification.WaitAsync(HangLimit));
            }

            // Every connection the identifications opened is closed once they have returned.
            Assert.All(servers, server => Assert.Equal(0, server.StillOpenCount()));
        }
        finally
        {
            servers.ForEach(server => server.Dispose());
        }
    }

    [Fact]
    public async Task AGreetedServiceHearsOnlyGoodbye()
    {
        var heard = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var server = new FakeServer(async (socket, stop) =>
        {
            await socket.SendAsync(Encoding.ASCII.GetBytes("220 (vsFTPd 3.0.3)\r\n"), SocketFlags.None, stop);
            heard.TrySetResult(Encoding.ASCII.GetString(await FakeServer.ReadToEndAsync(socket, HangLimit, stop)));
        });

        var identity = await IdentifyAsync(server.Port);

        Assert.Equal("ftp", identity.Service);
        Assert.Equal(IdentificationMethod.Greeting, identity.Method);
        Assert.Equal("QUIT\r\n", await heard.Task.WaitAsync(HangLimit));
        Assert.Equal(1, server.AcceptedCount);
    }

    [Fact]
    public async Task ASilentServiceHearsExactlyTheTablesRequests()
    {
        var heard = new List<byte[]>();
        using var server = new FakeServer(async (socket, stop) =>
        {
            var bytes = await FakeServer.ReadToEndAsync(socket, HangLimit, stop);
            lock (heard)
            {
                heard.Add(bytes);
            }
        });

        int HeardCount()
        {
            lock (heard)
            {
                return heard.Count;
            }
        }

        await IdentifyAsync(server.Port);
        var deadline = DateTime.UtcNow + HangLimit;
        while (DateTime.UtcNow < deadline && HeardCount() < server.AcceptedCount)
        {
            await Task.Delay(20);
        }

        var sent = heard.Where(bytes => bytes.Length > 0 && bytes[0] != 0x16).Select(Convert.ToHexString).Order().ToList(); // 0x16: the TLS ClientHello
        var table = ServiceProbeTable.TcpProbes.Where(p => p.Kind == ProbeKind.Send).Select(p => Convert.ToHexString(p.Request)).Order().ToList();
        Assert.Equal(table, sent);
        Assert.Single(heard, bytes => bytes.Length == 0); // the greeting probe only listened
        Assert.Single(heard, bytes => bytes.Length > 0 && bytes[0] == 0x16);
    }

    [Fact]
    public async Task AClosedPortIsRefusedQuickly()
    {
        var port = PortCatalog.LocalPorts.GetFreePort(Transport.Tcp);

        var identity = await IdentifyAsync(port);

        Assert.Null(identity.Service);
        Assert.Equal("not recognised: greeting: connection refused", identity.Detail);
    }

    [Fact]
    public async Task AClosedUdpPortIsReportedUnreachable()
    {
        var port = PortCatalog.LocalPorts.GetFreePort(Transport.Udp);

        var identity = await PortProbe.IdentifyUdpAsync(IPAddress.Loopback, port, Timeout).WaitAsync(HangLimit);

        Assert.Null(identity.Service);
        Assert.Equal(Transport.Udp, identity.Transport);
        Assert.Contains("port unreachable (closed)", identity.Detail);
    }

    [Theory]
    [InlineData("smtp", "smtp")]
    [InlineData("ftp", "ftp")]
    [InlineData(null, "ftp")]
    [InlineData("http", "ftp")]
    public void ABare220GreetingIsWhatTheCatalogExpectsWhenThatIsFtpOrSmtp(string? expected, string identified)
    {
        var identity = ServiceIdentifier.Recognise("220 Service ready\r\n", ServiceProbeTable.GreetingProbe, expected);

        Assert.Equal(identified, identity?.Service);
    }

    [Fact]
    public async Task AScanWithIdentificationCarriesTheIdentityOfOpenPorts()
    {
        using var server = FakeServer.Greeting("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n");
        var ports = PortSet.Parse(server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var identifying = new PortScanner(new PortScanOptions { IdentifyServices = true, IdentificationTimeout = Timeout });
        using var plain = new PortScanner(new PortScanOptions());
        var withIdentity = await identifying.ScanAsync(IPAddress.Loopback, ports).ToListAsync();
        var without = await plain.ScanAsync(IPAddress.Loopback, ports).ToListAsync();

        var identity = Assert.Single(withIdentity).Identity;
        Assert.NotNull(identity);
        Assert.Equal("ssh", identity.Service);
        Assert.Equal("OpenSSH", identity.Product);
        Assert.Equal("9.2p1", identity.Version);
        Assert.Equal(server.Port, identity.Port);
        Assert.Null(Assert.Single(without).Identity);
    }

    [Fact]
    public async Task BadArgumentsNameTheParameter()
    {
        Assert.Equal("address", (await Assert.ThrowsAsync<ArgumentNullException>(() => PortProbe.IdentifyAsync(null!, 22, Timeout))).ParamName);
        Assert.Equal("port", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => PortProbe.IdentifyAsync(IPAddress.Loopback, 65536, Timeout))).ParamName);
        Assert.Equal("timeout", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => PortProbe.IdentifyAsync(IPAddress.Loopback, 22, TimeSpan.Zero))).ParamName);
        Assert.Equal("port", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => PortProbe.IdentifyUdpAsync(IPAddress.Loopback, -1, Timeout))).ParamName);
        Assert.Equal("IdentificationTimeout", Assert.Throws<ArgumentOutOfRangeException>(() => new PortScanOptions { IdentificationTimeout = TimeSpan.Zero }).ParamName);
    }

    private static Task<ServiceIdentity> IdentifyAsync(int port)
        => IdentifyAsync(port, Timeout);

    private static Task<ServiceIdentity> IdentifyAsync(int port, TimeSpan timeout)
        => PortProbe.IdentifyAsync(IPAddress.Loopback, port, timeout).WaitAsync(HangLimit);

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=portcatalog-fake", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
    }
}
