using System.Globalization;
using System.Linq;
using PortCatalog.Cli.Output;

namespace PortCatalog.Cli.Scanning.Reports;

/// <summary>
/// nmap's grepable output (<c>-oG</c>): a comment line, then per host a <c>Status:</c> line and a <c>Ports:</c> line of
/// tab-separated fields, each port as <c>port/state/protocol/owner/service/rpc/version/</c>, then a closing comment.
/// </summary>
internal sealed class GrepableReport(CliConsole console) : IScanReport
{
    private ScanStart? _start;

    public void Begin(ScanStart start)
    {
        _start = start;
        console.OutputWriter.WriteLine($"# portcat {AppVersion.Text} scan initiated {NmapTime.CTime(start.Started)} as: {start.CommandLine}");
        console.OutputWriter.Flush();
    }

    public void Host(HostReport host)
    {
        if (host.Rows.Count == 0 && !_start!.ListsAllStates)
        {
            return;
        }

        var name = host.Target.Name == host.Target.Address.ToString() ? string.Empty : host.Target.Name;
        var prefix = $"Host: {host.Target.Address} ({name})";
        var writer = console.OutputWriter;
        writer.WriteLine($"{prefix}\tStatus: Up");
        var ports = string.Join(", ", host.Rows.Select(r => string.Create(
            CultureInfo.InvariantCulture,
            $"{r.Result.Port}/{ScanText.State(r.Result.State)}/{TransportText.Format(r.Result.Transport)}//{Field(ServiceName(r))}//{Field(r.Result.Identity?.ProductVersion)}/")));
        var line = $"{prefix}\tPorts: {ports}";
        if (host.Unlisted.FirstOrDefault() is { Count: > 0 } ignored)
        {
            // nmap names the largest group of unlisted ports only.
            line += string.Create(CultureInfo.InvariantCulture, $"\tIgnored State: {ScanText.State(ignored.State)} ({ignored.Count})");
        }

        writer.WriteLine(line);
        writer.Flush();
    }

    public void End(ScanEnd end)
    {
        console.OutputWriter.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"# portcat done at {NmapTime.CTime(end.Ended)} -- {ScanText.Count(end.HostsScanned, "IP address", "IP addresses")} ({ScanText.Count(end.HostsScanned, "host")} up) scanned in {end.Elapsed.TotalSeconds:0.00} seconds{(end.Interrupted ? " (interrupted)" : "")}"));
        console.OutputWriter.Flush();
    }

    public void Dispose() => console.Dispose();

    // The service the port answered as (--identify; inside TLS the catalog's TLS name, such as https), else the
    // catalog's name for the port.
    private static string? ServiceName(Found row) => row.Result.Identity is { IsIdentified: true } identity
        ? identity.Service
        : row.Service?.ServiceName;

    // A field of the port list may not hold its separators; nmap writes '/' as '|'.
    private static string Field(string? text) => (text ?? string.Empty).Replace('/', '|').Replace(',', ' ');
}
