using System.Globalization;

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

    /// <summary>
    /// While its authentication process does not answer, Dovecot 2.3 holds its IMAP greeting and, after 10 s, says
    /// "* OK Waiting for authentication process to respond.." instead (seen in CI under load, before the greeting). That
    /// line alone names Dovecot. Reproduced here by stopping the layout's dovecot/auth process for the identification.
    /// </summary>
    [RealDaemonFact("/usr/sbin/dovecot", "dovecot-imapd")]
    public async Task DovecotWhileItsAuthenticationProcessDoesNotAnswer()
    {
        var layout = daemons.Usual;
        var imap = PortsOf(layout, "dovecot").Single(p => p.Service == "imap").Port;

        // A first identification also makes Dovecot start its authentication process, if nothing has yet.
        var greeted = await layout.IdentifyAsync(imap);
        Assert.True(greeted.Product == "Dovecot", $"{greeted}; {greeted.Detail}; excerpt {greeted.Excerpt}");

        var auth = DovecotAuthProcess(layout);
        ExternalCommand.RunChecked("bash", "-c", $"kill -STOP {auth}");
        ServiceIdentity identity;
        try
        {
            // The greeting's share of the time (a quarter) must outlast Dovecot's 10 s.
            identity = await layout.IdentifyAsync(imap, timeout: TimeSpan.FromSeconds(48));
        }
        finally
        {
            ExternalCommand.RunChecked("bash", "-c", $"kill -CONT {auth}");
        }

        var where = $"{identity}; {identity.Detail}; excerpt {identity.Excerpt}";
        Assert.True(identity.Excerpt.StartsWith("* OK Waiting for authentication process to respond..", StringComparison.Ordinal), where);
        Assert.True(identity.Service == "imap", where);
        Assert.True(identity.Product == "Dovecot", where);
        Assert.Equal(IdentificationMethod.Greeting, identity.Method);
    }

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

    /// <summary>The pid of the dovecot/auth process that the layout's Dovecot master started, read from /proc.</summary>
    private static int DovecotAuthProcess(RealDaemonFixture.Layout layout)
    {
        var configuration = Path.Combine(layout.DataDirectory, "dovecot.conf");
        var processes = Directory.EnumerateDirectories("/proc")
            .Select(path => int.TryParse(Path.GetFileName(path), out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Select(pid => (Pid: pid, Stat: ReadOrEmpty($"/proc/{pid}/stat"), CommandLine: ReadOrEmpty($"/proc/{pid}/cmdline")))
            .ToList();
        var master = processes.Single(p => p.CommandLine.Split('\0').Contains(configuration)).Pid;

        // stat: "pid (comm) state ppid ..."; comm may hold spaces, so the fields after it are read from its closing parenthesis.
        return processes.Single(p =>
        {
            var close = p.Stat.LastIndexOf(')');
            return close > 0
                && p.Stat[(p.Stat.IndexOf('(') + 1)..close] == "auth"
                && p.Stat[(close + 2)..].Split(' ')[1] == master.ToString(CultureInfo.InvariantCulture);
        }).Pid;

        static string ReadOrEmpty(string path)
        {
            try
            {
                return File.ReadAllText(path);
            }
            catch (IOException)
            {
                return string.Empty; // the process ended meanwhile
            }
        }
    }

    private static string PackageVersion(string package)
        => ExternalCommand.RunChecked("dpkg-query", "-W", "-f", "${Version}", package).Trim();
}
