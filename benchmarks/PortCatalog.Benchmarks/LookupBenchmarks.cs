#if IANA_CATALOG
using System.Runtime.InteropServices;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace PortCatalog.Benchmarks;

/// <summary>
/// Lookups on the catalog generated from the IANA snapshot (<see cref="IanaPorts"/>, built by this project) against
/// a <see cref="Dictionary{TKey, TValue}"/> that gives the same answers and libc's /etc/services lookups.
/// </summary>
/// <remarks>
/// Each operation is one lookup (16 per invocation, the keys read from instance arrays so nothing is constant-folded,
/// each result used: the entry's last port, the name's port, summed):
/// by port, 13 hits (one inside a registered range) and 3 misses; by name, 11 hits in assorted case and 5 misses.
/// The dictionaries are built with their final capacity from <see cref="IanaPorts.All"/> and hold what the catalog
/// answers: by port, each port's primary entry and every port a range covers (nearest start first); by name, every
/// identifier then every service name (OrdinalIgnoreCase, first wins). <see cref="Setup"/> checks both contenders
/// answer every key alike. Goals (issue 12), each against the dictionary of its category as the baseline:
/// TryGetInfo(int) at most 0.5x, TryGetPort(span) at most 0.7x, 0 B.
/// Compiled only when the IANA snapshot exists beside the repository (IANA_CATALOG).
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public unsafe class LookupBenchmarks
{
    // Hits (well-known, registered, 6010 inside X11's range) and misses (61000, 65000, 48620: unassigned) in one mix.
    private readonly int[] _ports = [22, 80, 443, 1433, 5432, 6379, 8080, 27017, 6010, 3389, 1, 9, 61000, 65000, 47000, 48620];

    private readonly string[] _names =
    [
        "ssh", "HTTP", "ms-sql-s", "postgresql", "x11", "SqlServer", "domain", "ntp",
        "no-such-service", "Unknown", "ssh2", "kerberos", "imaps", "MYSQL", "zz-top", "smtp",
    ];

    private Dictionary<int, PortInfo> _byPort = null!;
    private Dictionary<string, int> _byName = null!;
    private byte[][] _asciiNames = null!;
    private readonly byte[] _tcp = "tcp\0"u8.ToArray();

    [GlobalSetup]
    public void Setup()
    {
        var all = IanaPorts.All;
        var covered = 0;
        foreach (var info in all)
        {
            covered += info.LastPort - info.Port + 1;
        }

        _byPort = new Dictionary<int, PortInfo>(covered);
        foreach (var info in all)
        {
            _byPort.TryAdd(info.Port, info); // the first entry of a port is its primary one
        }

        for (var i = all.Length - 1; i >= 0; i--)
        {
            for (var port = all[i].Port + 1; port <= all[i].LastPort; port++)
            {
                _byPort.TryAdd(port, all[i]); // the range starting nearest below a port without its own entry
            }
        }

        _byName = new Dictionary<string, int>(all.Length * 2, StringComparer.OrdinalIgnoreCase);
        foreach (var info in all)
        {
            _byName.TryAdd(info.Identifier, info.Port);
        }

        foreach (var info in all)
        {
            _byName.TryAdd(info.ServiceName, info.Port);
        }

        _asciiNames = _names.Select(n => Encoding.ASCII.GetBytes(n + "\0")).ToArray();
        foreach (var port in _ports)
        {
            var found = IanaPorts.TryGetInfo(port, out var info);
            if (found != _byPort.TryGetValue(port, out var expected) || (found && info != expected))
            {
                throw new InvalidOperationException($"The catalog and the dictionary disagree on port {port}: the comparison would not be fair.");
            }
        }

        foreach (var name in _names)
        {
            var found = IanaPorts.TryGetPort(name, out var port);
            if (found != _byName.TryGetValue(name, out var expected) || port != (found ? expected : 0))
            {
                throw new InvalidOperationException($"The catalog and the dictionary disagree on '{name}': the comparison would not be fair.");
            }
        }
    }

    [Benchmark(OperationsPerInvoke = 16)]
    [BenchmarkCategory("ByPort")]
    public int TryGetInfo()
    {
        var found = 0;
        foreach (var port in _ports)
        {
            found += IanaPorts.TryGetInfo(port, out var info) ? info.LastPort : 0;
        }

        return found;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 16)]
    [BenchmarkCategory("ByPort")]
    public int DictionaryByPort()
    {
        var found = 0;
        foreach (var port in _ports)
        {
            found += _byPort.TryGetValue(port, out var info) ? info.LastPort : 0;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = 16)]
    [BenchmarkCategory("ByPort")]
    public int LibcGetServByPort()
    {
        var found = 0;
        fixed (byte* tcp = _tcp)
        {
            foreach (var port in _ports)
            {
                found += getservbyport(System.Net.IPAddress.HostToNetworkOrder((short)port) & 0xFFFF, tcp) != null ? 1 : 0;
            }
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = 16)]
    [BenchmarkCategory("ByName")]
    public int TryGetPort()
    {
        var found = 0;
        foreach (var name in _names)
        {
            found += IanaPorts.TryGetPort(name, out var port) ? port : 0;
        }

        return found;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 16)]
    [BenchmarkCategory("ByName")]
    public int DictionaryByName()
    {
        var found = 0;
        foreach (var name in _names)
        {
            found += _byName.TryGetValue(name, out var port) ? port : 0;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = 16)]
    [BenchmarkCategory("ByName")]
    public int LibcGetServByName()
    {
        var found = 0;
        fixed (byte* tcp = _tcp)
        {
            foreach (var name in _asciiNames)
            {
                fixed (byte* n = name)
                {
                    found += getservbyname(n, tcp) != null ? 1 : 0;
                }
            }
        }

        return found;
    }

    [DllImport("libc", EntryPoint = "getservbyport")]
    private static extern void* getservbyport(int port, byte* proto);

    [DllImport("libc", EntryPoint = "getservbyname")]
    private static extern void* getservbyname(byte* name, byte* proto);
}
#endif
