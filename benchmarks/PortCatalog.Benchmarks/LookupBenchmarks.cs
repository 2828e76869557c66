#if IANA_CATALOG
using System.Runtime.InteropServices;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace PortCatalog.Benchmarks;

/// <summary>
/// Lookups on the catalog generated from the IANA snapshot (<see cref="IanaPorts"/>, built by this project) against
/// a <see cref="Dictionary{TKey, TValue}"/> holding the same entries and libc's /etc/services lookups.
/// Each operation is one lookup; the inputs mix hits and misses. Goals (issue 12), each against the dictionary of
/// its category as the baseline: TryGetInfo(int) at most 0.5x, TryGetPort(span) at most 0.7x, 0 B.
/// Compiled only when the IANA snapshot exists beside the repository (IANA_CATALOG).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public unsafe class LookupBenchmarks
{
    // Hits (well-known, registered, inside a range) and misses (unassigned) in one mix.
    private static readonly int[] s_ports = [22, 80, 443, 1433, 5432, 6379, 8080, 27017, 6010, 3389, 1, 9, 61000, 65000, 47000, 48620];

    private static readonly string[] s_names =
    [
        "ssh", "HTTP", "ms-sql-s", "postgresql", "x11", "SqlServer", "domain", "ntp",
        "no-such-service", "Unknown", "ssh2", "kerberos", "imaps", "MYSQL", "zz-top", "smtp",
    ];

    private readonly Dictionary<int, PortInfo> _byPort = new();
    private readonly Dictionary<string, int> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly byte[][] _asciiNames = s_names.Select(n => Encoding.ASCII.GetBytes(n + "\0")).ToArray();
    private readonly byte[] _tcp = "tcp\0"u8.ToArray();

    [GlobalSetup]
    public void Setup()
    {
        foreach (var info in IanaPorts.All)
        {
            _byPort.TryAdd(info.Port, info); // the first entry of a port is its primary one
            _byName.TryAdd(info.ServiceName, info.Port);
            _byName.TryAdd(info.Identifier, info.Port);
        }
    }

    [Benchmark(OperationsPerInvoke = 16)]
    [BenchmarkCategory("ByPort")]
    public int TryGetInfo()
    {
        var found = 0;
        foreach (var port in s_ports)
        {
            found += IanaPorts.TryGetInfo(port, out _) ? 1 : 0;
        }

        return found;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 16)]
    [BenchmarkCategory("ByPort")]
    public int DictionaryByPort()
    {
        var found = 0;
        foreach (var port in s_ports)
        {
            found += _byPort.TryGetValue(port, out _) ? 1 : 0;
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
            foreach (var port in s_ports)
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
        foreach (var name in s_names)
        {
            found += IanaPorts.TryGetPort(name, out _) ? 1 : 0;
        }

        return found;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 16)]
    [BenchmarkCategory("ByName")]
    public int DictionaryByName()
    {
        var found = 0;
        foreach (var name in s_names)
        {
            found += _byName.TryGetValue(name, out _) ? 1 : 0;
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
