namespace PortCatalog.Tests.Identification;

/// <summary>
/// Identification against real servers, each on its usual port and on a port registered to another service: the
/// service (in the catalog's naming), TLS, product, and version (checked against the installed Debian package's version)
/// are what the daemon really is, and <see cref="ServiceIdentity.MatchesCatalog"/> agrees with the catalog's entry.
/// </summary>
[Collection(RealDaemonCollection.Name)]
public sealed class RealDaemonIdentificationTests(RealDaemonFixture daemons)
{
    [RealDaemonFact("/usr/sbin/sshd", "openssh-server")]
    public Task OpenSsh() => IdentifiesAsync("sshd", announcesVersion: true);

    [RealDaemonFact("/usr/sbin/nginx", "nginx-light")]
    public Task NginxOverHttpAndHttps() => IdentifiesAsync("nginx", announcesVersion: true);

    [RealDaemonFact("redis-server", "redis-server")]
    public Task Redis() => IdentifiesAsync("redis", announcesVersion: true);

    [RealDaemonFact("pg_ctlcluster", "postgresql")]
    public Task PostgreSql() => IdentifiesAsync("postgres", announcesVersion: false);

    [RealDaemonFact("mariadbd", "mariadb-server")]
    public Task MariaDb() => IdentifiesAsync("mariadb", announcesVersion: true);

    [RealDaemonFact("/usr/sbin/vsftpd", "vsftpd")]
    public Task Vsftpd() => IdentifiesAsync("vsftpd", announcesVersion: true);

    [RealDaemonFact("memcached", "memcached")]
    public Task Memcached() => IdentifiesAsync("memcached", announcesVersion: true);

    [RealDaemonFact("/usr/sbin/mosquitto", "mosquitto")]
    public Task Mosquitto() => IdentifiesAsync("mosquitto", announcesVersion: false);

    [RealDaemonFact("/usr/sbin/dovecot", "dovecot-imapd")]
    public Task DovecotImapPop3AndImaps() => IdentifiesAsync("dovecot", announcesVersion: false);

    [RealDaemonFact("dnsmasq", "dnsmasq-base")]
    public Task DnsmasqOverTcp() => IdentifiesAsync("dnsmasq", announcesVersion: true);

    [RealDaemonFact("dnsmasq", "dnsmasq-base")]
    public async Task DnsmasqOverUdp()
    {
        foreach (var layout in new[] { daemons.Usual, daemons.Moved })
        {
            var port = PortsOf(layout, "dnsmasq").Single().Port;
            var identity = await layout.IdentifyAsync(port, Transport.Udp);

            Assert.True(identity.Service == "domain", $"{layout.Name} udp/{port}: {identity}; {identity.Detail}");
            Assert.Equal("dnsmasq", identity.Product);
            Assert.Contains(identity.Version!, PackageVersion("dnsmasq-base"));
            Assert.Equal(Transport.Udp, identity.Transport);
        }
    }

    [RealDaemonFact("/usr/sbin/sshd", "openssh-server")]
    public async Task AClosedPortInTheNamespaceIsRefusedNotIdentified()
    {
        var unused = Enumerable.Range(40000, 100).First(port => daemons.Usual.Ports.All(p => p.Port != port));

        var identity = await daemons.Usual.IdentifyAsync(unused);

        Assert.Null(identity.Service);
        Assert.Contains("connection refused", identity.Detail);
    }

    private async Task IdentifiesAsync(string daemon, bool announcesVersion)
    {
        foreach (var layout in new[] { daemons.Usual, daemons.Moved })
        {
            foreach (var expected in PortsOf(layout, daemon))
            {
                var identity = await layout.IdentifyAsync(expected.Port);
                var where = $"{daemon} in the {layout.Name} layout on {expected.Port}: got {identity}; {identity.Detail}; excerpt {identity.Excerpt}";

                Assert.True(expected.Service == identity.Service, where);
                Assert.True(expected.Tls == identity.Tls, where);
                Assert.True(expected.Product == identity.Product, where);
                if (announcesVersion)
                {
                    Assert.True(identity.Version is not null, where);
                    var package = PackageVersion(expected.Package);
                    Assert.True(package.Contains(identity.Version), $"{where}: version {identity.Version} is not part of {expected.Package} {package}");
                }

                // The catalog's own entry, read here directly: the usual layout puts each protocol on a port registered
                // under that very name, the moved one on a port registered to another service, or to none (2222).
                bool? matches = WellKnownPorts.TryGetInfo(expected.Port, Transport.Tcp, out var info) ? info.ServiceName == expected.Service : null;
                Assert.True(matches == identity.MatchesCatalog, $"{where}: catalog entry {info.ServiceName}, MatchesCatalog {identity.MatchesCatalog}");
                Assert.Equal(layout.Name == "usual", identity.MatchesCatalog == true);
                Assert.NotEqual(IdentificationMethod.None, identity.Method);
                Assert.NotEmpty(identity.Excerpt);
            }
        }
    }

    /// <summary>The ports <paramref name="daemon"/> listens on in <paramref name="layout"/>; fails the test, saying why, when it did not start.</summary>
    internal static IReadOnlyList<DaemonPort> PortsOf(RealDaemonFixture.Layout layout, string daemon)
    {
        if (layout.Absent.TryGetValue(daemon, out var why))
        {
            Assert.Fail($"The daemon did not start in the {layout.Name} layout: {why}");
        }

        var ports = layout.Ports.Where(p => p.Daemon == daemon).ToList();
        Assert.True(ports.Count > 0, $"daemons.sh reported nothing for {daemon} in the {layout.Name} layout.");
        return ports;
    }

    private static string PackageVersion(string package)
        => ExternalCommand.RunChecked("dpkg-query", "-W", "-f", "${Version}", package).Trim();
}
