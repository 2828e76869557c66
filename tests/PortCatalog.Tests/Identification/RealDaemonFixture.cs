using System.Net;
using System.Net.Sockets;
using PortCatalog.Identification;

namespace PortCatalog.Tests.Identification;

/// <summary>One port a real daemon listens on, as RealDaemons/daemons.sh reported it.</summary>
internal sealed record DaemonPort(int Port, string Service, bool Tls, string? Product, string Daemon, string Package);

/// <summary>
/// Real daemons (OpenSSH, nginx, Redis, PostgreSQL, MariaDB, vsftpd, memcached, Mosquitto, Dovecot, dnsmasq) started by
/// RealDaemons/daemons.sh in two network namespaces of the tests' own: "usual", every daemon on the port the catalog
/// registers for its protocol, and "moved", every daemon on a port registered to another service (SSH on 2222, HTTP
/// on 5432, ...). Started on first use, stopped (and the namespaces deleted) on dispose.
/// </summary>
public sealed class RealDaemonFixture : IDisposable
{
    private readonly Lazy<Layout[]> _layouts = new(StartAll);

    internal Layout Usual => _layouts.Value[0];

    internal Layout Moved => _layouts.Value[1];

    public void Dispose()
    {
        if (_layouts.IsValueCreated)
        {
            foreach (var layout in _layouts.Value)
            {
                layout.Dispose();
            }
        }
    }

    private static Layout[] StartAll()
    {
        var layouts = new List<Layout>();
        try
        {
            // Both start at once: initdb and mariadb-install-db take seconds each.
            var usual = Task.Run(() => Layout.Start("usual"));
            var moved = Task.Run(() => Layout.Start("moved"));
            layouts.Add(usual.GetAwaiter().GetResult());
            layouts.Add(moved.GetAwaiter().GetResult());
            return [.. layouts];
        }
        catch
        {
            layouts.ForEach(layout => layout.Dispose());
            throw;
        }
    }

    /// <summary>One namespace and the daemons in it.</summary>
    internal sealed class Layout : IDisposable
    {
        private readonly NetworkNamespace _namespace;
        private readonly string _directory;

        private Layout(string name, NetworkNamespace ns, string directory, List<DaemonPort> ports, Dictionary<string, string> absent)
        {
            Name = name;
            _namespace = ns;
            _directory = directory;
            Ports = ports;
            Absent = absent;
            Identifier = new ServiceIdentifier(
                family => ns.RunInside(() => new Socket(family, SocketType.Stream, ProtocolType.Tcp)),
                family => ns.RunInside(() => new Socket(family, SocketType.Dgram, ProtocolType.Udp)));
        }

        public string Name { get; }

        /// <summary>The network namespace the daemons run in.</summary>
        public NetworkNamespace Namespace => _namespace;

        public IReadOnlyList<DaemonPort> Ports { get; }

        /// <summary>Where daemons.sh keeps this layout's configuration, data and logs.</summary>
        public string DataDirectory => _directory;

        /// <summary>Daemons that did not start, with why.</summary>
        public IReadOnlyDictionary<string, string> Absent { get; }

        /// <summary>Identifies with sockets made inside this layout's namespace.</summary>
        public ServiceIdentifier Identifier { get; }

        public static Layout Start(string name)
        {
            var ns = NetworkNamespace.Create();
            var directory = Directory.CreateTempSubdirectory($"portcatalog-daemons-{name}-").FullName;
            try
            {
                var result = ns.Run(TimeSpan.FromMinutes(3), "bash", Script, "start", name, directory);
                var ports = new List<DaemonPort>();
                var absent = new Dictionary<string, string>();
                foreach (var line in result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    var fields = line.Split('\t');
                    if (fields[0] == "absent")
                    {
                        absent[fields[1]] = $"{fields[1]} ({fields[2]}): {fields[3]}";
                    }
                    else
                    {
                        ports.Add(new DaemonPort(int.Parse(fields[0]), fields[1], fields[2] == "yes", fields[3] == "-" ? null : fields[3], fields[4], fields[5]));
                    }
                }

                return new Layout(name, ns, directory, ports, absent);
            }
            catch
            {
                Stop(ns, directory);
                throw;
            }
        }

        /// <param name="timeout">The whole identification's time; 4 s when not given.</param>
        public async Task<ServiceIdentity> IdentifyAsync(int port, Transport transport = Transport.Tcp, TimeSpan? timeout = null)
        {
            var time = timeout ?? TimeSpan.FromSeconds(4);
            return transport == Transport.Tcp
                ? await Identifier.IdentifyTcpAsync(IPAddress.Loopback, port, time, CancellationToken.None)
                : await Identifier.IdentifyUdpAsync(IPAddress.Loopback, port, time, CancellationToken.None);
        }

        public void Dispose() => Stop(_namespace, _directory);

        private static void Stop(NetworkNamespace ns, string directory)
        {
            try
            {
                ns.Run(ExternalCommand.DefaultTimeout, "bash", Script, "stop", directory);
            }
            finally
            {
                ns.Dispose();
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>The daemon launcher, shared with benchmarks/identify/compare-nmap.sh.</summary>
    internal static string Script => Path.Combine(TestPaths.RepoRoot, "tests", "PortCatalog.Tests", "Identification", "RealDaemons", "daemons.sh");
}
