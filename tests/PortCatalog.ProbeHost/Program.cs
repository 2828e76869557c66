using System.Globalization;
using System.Net;
using PortCatalog;

// Usage:
//   ProbeHost scan <address> <ports> [--engine default|portable] [--window N] [--timeout-ms N] [--udp]
//     prints one line: probes=N open=N closed=N filtered=N openorfiltered=N window=N open-ports=a,b,c
//   ProbeHost probe tcp|udp <address> <port> [--timeout-ms N] [--engine default|portable]
//     prints the state (Open, Closed, Filtered, OpenOrFiltered)
// Exit code 0 on success, 2 on bad usage, 1 on a failure (the exception is printed to stderr).
try
{
    return args.Length > 0 && args[0] == "scan" ? await ScanAsync(args) : args.Length > 0 && args[0] == "probe" ? await ProbeAsync(args) : Usage();
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
    };

    using var scanner = new PortScanner(options);
    var open = new List<int>();
    var summary = await scanner.RunAsync(IPAddress.Parse(args[1]), PortSet.Parse(args[2]), r =>
    {
        if (r.State == PortState.Open)
        {
            open.Add(r.Port);
        }
    });
    open.Sort();
    Console.WriteLine(FormattableString.Invariant(
        $"probes={summary.Probes} open={summary.Open} closed={summary.Closed} filtered={summary.Filtered} openorfiltered={summary.OpenOrFiltered} fds={Directory.GetFileSystemEntries("/proc/self/fd").Length} open-ports={string.Join(',', open)}"));
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
    var state = args[1] == "udp"
        ? await PortProbe.ProbeUdpAsync(address, port, timeout)
        : await PortProbe.ProbeTcpAsync(address, port, timeout);
    Console.WriteLine(state);
    return 0;
}

static string? Option(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static int Usage()
{
    Console.Error.WriteLine("usage: ProbeHost scan <address> <ports> [--engine default|portable] [--window N] [--timeout-ms N] [--udp] | probe tcp|udp <address> <port> [--timeout-ms N] [--engine default|portable]");
    return 2;
}
