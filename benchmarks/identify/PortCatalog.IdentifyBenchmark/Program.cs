using System.Diagnostics;
using System.Globalization;
using System.Net;
using PortCatalog;

// Usage: PortCatalog.IdentifyBenchmark ADDRESS PORTS [TIMEOUT-MS]
//   ADDRESS: an IP address (never a name: nothing is resolved); PORTS: a port set such as 22,80,1000-2000.
// Prints: port, service, product, version, tls, catalog, matchesCatalog, method, probe, excerpt (tab-separated; "-" when
// empty), one line per open TCP port in port order, then "# elapsed-ms N" measured around the scan.
if (args.Length is < 2 or > 3)
{
    Console.Error.WriteLine("usage: PortCatalog.IdentifyBenchmark ADDRESS PORTS [TIMEOUT-MS]");
    return 2;
}

if (!IPAddress.TryParse(args[0], out var address))
{
    Console.Error.WriteLine($"ADDRESS: '{args[0]}' is not an IP address.");
    return 2;
}

if (!PortSet.TryParse(args[1], out var ports) || ports is null)
{
    Console.Error.WriteLine($"PORTS: '{args[1]}' is not a port set such as 22,80,1000-2000.");
    return 2;
}

var timeoutMs = 2000;
if (args.Length == 3 && (!int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out timeoutMs) || timeoutMs <= 0))
{
    Console.Error.WriteLine($"TIMEOUT-MS: '{args[2]}' is not a positive number of milliseconds.");
    return 2;
}

var options = new PortScanOptions { IdentifyServices = true, IdentificationTimeout = TimeSpan.FromMilliseconds(timeoutMs) };
using var scanner = new PortScanner(options);
var results = new List<PortResult>();
var clock = Stopwatch.StartNew();
await foreach (var result in scanner.ScanAsync(address, ports))
{
    results.Add(result);
}

clock.Stop();
foreach (var result in results.OrderBy(r => r.Port))
{
    var id = result.Identity;
    Console.WriteLine(string.Join('\t',
        result.Port.ToString(CultureInfo.InvariantCulture),
        id?.Service ?? "-",
        id?.Product ?? "-",
        id?.Version ?? "-",
        id?.Tls == true ? "tls" : "-",
        id?.CatalogService ?? "-",
        id?.MatchesCatalog switch { true => "match", false => "MISMATCH", null => "-" },
        id?.Method.ToString() ?? "-",
        id?.Probe ?? "-",
        string.IsNullOrEmpty(id?.Excerpt) ? "-" : id!.Excerpt));
}

Console.WriteLine($"# elapsed-ms {clock.Elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)}");
return 0;
