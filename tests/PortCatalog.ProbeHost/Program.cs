using System.Globalization;
using System.Net;
using PortCatalog;

// Usage:
//   ProbeHost scan <address> <ports> [--engine default|portable] [--window N] [--timeout-ms N] [--retries N] [--udp] [--all] [--no-adapt]
//     prints one line: probes=N open=N closed=N filtered=N openorfiltered=N fds=N open-ports=a,b,c filtered-ports=a,b elapsed-ms=N
//     and with --all also results=port:state:reason,... (every port, sorted)
//   ProbeHost probe tcp|udp <address> <port> [--timeout-ms N] [--engine default|portable]
//     prints state=<Open|Closed|Filtered|OpenOrFiltered> reason=<nmap's word>
//   ProbeHost alloc <open-port> <closed-port> <silent-port>
//     probes 127.0.0.1 with the default engine after a warm-up and prints the managed bytes allocated:
//     fast-probes=N fast-bytes=N fast-rounds=a,b,c slow-probes=N slow-bytes=N slow-rounds=a,b,c (bytes: the least round; fast: open/closed ports, answered at once; slow: a port
//     that never answers, so every probe waits on epoll with a cancellable token and times out). Measuring here, in a
//     process of its own, keeps the test runner's own allocations on other threads out of the count.
//   ProbeHost wait ... / wait-alloc ...: see WaitModes.cs
// Exit code 0 on success, 2 on bad usage, 1 on a failure (the exception is printed to stderr).
try
{
    return args.FirstOrDefault() switch
    {
        "scan" => await ScanAsync(args),
        "probe" => await ProbeAsync(args),
        "alloc" => await MeasureAllocationsAsync(args),
        "wait" => await WaitModes.WaitAsync(args),
        "wait-alloc" => await WaitModes.MeasureAllocationsAsync(args),
        _ => Usage(),
    };
}
catch (Exception ex)
{
    Console.Error.WriteLine(ex);
    return 1;
}

static async Task<int> ScanAsync(string[] args)
{
    if (args.Length < 3)
    {
        return Usage();
    }

    var options = new PortScanOptions
    {
        Engine = Option(args, "--engine") == "portable" ? ProbeEngineKind.Portable : ProbeEngineKind.Default,
        Window = int.Parse(Option(args, "--window") ?? "1024", CultureInfo.InvariantCulture),
        Timeout = TimeSpan.FromMilliseconds(int.Parse(Option(args, "--timeout-ms") ?? "1000", CultureInfo.InvariantCulture)),
        Transports = args.Contains("--udp") ? Transport.Udp : Transport.Tcp,
        Retries = int.Parse(Option(args, "--retries") ?? "1", CultureInfo.InvariantCulture),
        ReportAllStates = true, // filtered-ports= lists every filtered port; results= (with --all) every port
        AdaptToIcmpRateLimit = !args.Contains("--no-adapt"),
    };

    using var scanner = new PortScanner(options);
    var open = new List<int>();
    var filtered = new List<int>();
    var all = new List<PortResult>();
    var summary = await scanner.RunAsync(IPAddress.Parse(args[1]), PortSet.Parse(args[2]), r =>
    {
        all.Add(r);
        if (r.State == PortState.Open)
        {
            open.Add(r.Port);
        }
        else if (r.State == PortState.Filtered)
        {
            filtered.Add(r.Port);
        }
    });
    open.Sort();
    filtered.Sort();
    var results = string.Join(',', all.OrderBy(r => r.Port).Select(r => FormattableString.Invariant($"{r.Port}:{r.State}:{r.Reason.ToNmapName()}")));
    Console.WriteLine(FormattableString.Invariant(
        $"probes={summary.Probes} open={summary.Open} closed={summary.Closed} filtered={summary.Filtered} openorfiltered={summary.OpenOrFiltered} fds={Directory.GetFileSystemEntries("/proc/self/fd").Length} open-ports={string.Join(',', open)} filtered-ports={string.Join(',', filtered)} elapsed-ms={(long)summary.Elapsed.TotalMilliseconds}")
        + (args.Contains("--all") ? " results=" + results : string.Empty));
    return 0;
}

static async Task<int> ProbeAsync(string[] args)
{
    if (args.Length < 4)
    {
        return Usage();
    }

    if (Option(args, "--engine") == "portable")
    {
        AppContext.SetSwitch("PortCatalog.Probing.UsePortableEngine", true);
    }

    var timeout = TimeSpan.FromMilliseconds(int.Parse(Option(args, "--timeout-ms") ?? "1000", CultureInfo.InvariantCulture));
    var address = IPAddress.Parse(args[2]);
    var port = int.Parse(args[3], CultureInfo.InvariantCulture);
    var result = await PortProbe.ProbeAsync(address, port, args[1] == "udp" ? Transport.Udp : Transport.Tcp, timeout);
    Console.WriteLine($"state={result.State} reason={result.Reason.ToNmapName()}");
    return 0;
}

static async Task<int> MeasureAllocationsAsync(string[] args)
{
    if (args.Length < 4)
    {
        return Usage();
    }

    var openPort = int.Parse(args[1], CultureInfo.InvariantCulture);
    var closedPort = int.Parse(args[2], CultureInfo.InvariantCulture);
    var silentPort = int.Parse(args[3], CultureInfo.InvariantCulture);
    const int FastProbes = 10_000, SlowProbes = 1_000, Rounds = 3;
    using var cts = new CancellationTokenSource();

    var fast = await MeasureAsync(FastProbes, 1_000, i => PortProbe.ProbeTcpAsync(IPAddress.Loopback, i % 2 == 0 ? openPort : closedPort, TimeSpan.FromSeconds(2)), PortState.Open, FastProbes / 2);
    var slow = await MeasureAsync(SlowProbes, 200, i => PortProbe.ProbeTcpAsync(IPAddress.Loopback, silentPort, TimeSpan.FromMilliseconds(1), cts.Token), PortState.Filtered, SlowProbes);

    Console.WriteLine(FormattableString.Invariant(
        $"fast-probes={FastProbes} fast-bytes={fast.Min()} fast-rounds={string.Join(',', fast)} slow-probes={SlowProbes} slow-bytes={slow.Min()} slow-rounds={string.Join(',', slow)}"));
    return 0;

    // Measures the bytes allocated by `probes` probes, in several rounds inside one async method that has already run
    // `warmUp` probes, on the thread pool (no synchronization context): the method's state machine and the engine's
    // pools exist before counting starts. The runtime occasionally books a few hundred bytes to no one (a thread
    // retiring its allocation buffer); a real per-probe allocation shows in every round, so the least round is the figure.
    static Task<long[]> MeasureAsync(int probes, int warmUp, Func<int, ValueTask<PortState>> probe, PortState expected, int expectedCount)
        => Task.Run(async () =>
        {
            for (var i = 0; i < warmUp; i++)
            {
                await probe(i).ConfigureAwait(false);
            }

            var rounds = new long[Rounds];
            for (var round = 0; round < Rounds; round++)
            {
                var count = 0;
                var before = GC.GetTotalAllocatedBytes(precise: true);
                for (var i = 0; i < probes; i++)
                {
                    count += await probe(i).ConfigureAwait(false) == expected ? 1 : 0;
                }

                rounds[round] = GC.GetTotalAllocatedBytes(precise: true) - before;
                if (count != expectedCount)
                {
                    throw new InvalidOperationException($"{count} of {probes} probes were {expected}; expected {expectedCount}.");
                }
            }

            return rounds;
        });
}

static string? Option(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static int Usage()
{
    Console.Error.WriteLine("usage: ProbeHost scan <address> <ports> [--engine default|portable] [--window N] [--timeout-ms N] [--retries N] [--udp] [--all] [--no-adapt]");
    Console.Error.WriteLine("       ProbeHost probe tcp|udp <address> <port> [--timeout-ms N] [--engine default|portable]");
    Console.Error.WriteLine("       ProbeHost alloc <open-port> <closed-port> <silent-port>");
    return 2;
}
