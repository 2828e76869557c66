using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PortCatalog.Cli.Catalog;
using PortCatalog.Cli.Output;
using PortCatalog.Cli.Scanning;

namespace PortCatalog.Cli.Commands;

/// <summary><c>portcat scan &lt;host&gt;...</c>: probe ports of the named hosts and report the open ones.</summary>
internal static class ScanCommand
{
    private static readonly Column<Found>[] Columns =
    [
        new("host", "Host", static f => f.Target.Name),
        new("address", "Address", static f => f.Target.Address.ToString()),
        new("port", "Port", static f => f.Result.Port) { AlignRight = true },
        new("transport", "Transport", static f => TransportText.Format(f.Result.Transport)),
        new("state", "State", static f => StateText(f.Result.State)),
        new("service", "Service", static f => f.Service?.ServiceName),
        new("description", "Description", static f => f.Service?.Description),
    ];

    public static Command Create(CliConsole console)
    {
        var hosts = new Argument<string[]>("host")
        {
            Description = "Hosts to scan: IPv4 or IPv6 addresses, or names (resolved through the hosts file and DNS; a name's first address is scanned).",
            Arity = ArgumentArity.OneOrMore,
        };
        var ports = new Option<PortSpec>("--ports", "-p")
        {
            Description = $"Ports to probe: a list such as 1-1024,8080; '{PortSpec.WellKnownKeyword}' (the catalog's ports, the default); or '{PortSpec.AllKeyword}' (1-65535).",
            HelpName = "list|well-known|all",
            DefaultValueFactory = static _ => PortSpec.WellKnown,
            CustomParser = static result => PortSpec.Parse(result, "--ports"),
        };
        var udp = new Option<bool>("--udp", "-u") { Description = "Probe UDP instead of TCP (DNS, NTP and SNMP get real requests; silence is open|filtered)." };
        var timeout = CliOptions.Integer("--timeout", "How long each probe waits for an answer, in milliseconds.", "ms", 1000, 1, 3_600_000);
        var window = CliOptions.Integer("--window", "The most probes in flight at once (lowered to fit the open-file limit).", "n", 1024, 1, 65_536);
        var retries = CliOptions.Integer("--retries", "Extra attempts for a port that stayed silent.", "n", 1, 0, 100);
        var allStates = new Option<bool>("--all-states", "-a") { Description = "Report every probed port (closed and filtered too), not only open ones." };
        var format = CliOptions.Format();
        var command = new Command("scan", """
            Scan ports of the named hosts. Shows a live progress bar on a terminal (plain lines on stderr when stdout is
            redirected), then the open ports with their services and a summary. Ctrl+C stops the scan, prints what was
            found and exits 130. Scan only hosts you are allowed to scan.
            """)
        {
            hosts,
            ports,
            udp,
            timeout,
            window,
            retries,
            allStates,
            format,
        }.WithExamples(
            "portcat scan 127.0.0.1",
            "portcat scan localhost ::1 -p 1-1024,8080",
            "portcat scan 127.0.0.1 -p all --timeout 200 --format json",
            "portcat scan 127.0.0.1 --udp -p 53,123,161");
        command.SetAction((parse, cancellationToken) => RunAsync(
            console,
            parse.GetValue(hosts)!,
            parse.GetValue(ports)!,
            new PortScanOptions
            {
                Transports = parse.GetValue(udp) ? Transport.Udp : Transport.Tcp,
                Timeout = TimeSpan.FromMilliseconds(parse.GetValue(timeout)),
                Window = parse.GetValue(window),
                Retries = parse.GetValue(retries),
                ReportAllStates = parse.GetValue(allStates),
            },
            parse.GetValue(format),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string[] hostNames, PortSpec portSpec, PortScanOptions options, OutputFormat format, CancellationToken cancellationToken)
    {
        var targets = await HostResolver.ResolveAsync(hostNames, console, cancellationToken).ConfigureAwait(false);
        var ports = portSpec.Resolve(options.Transports);
        var byAddress = targets.ToDictionary(t => t.Address);
        var found = new List<Found>();
        var last = default(ScanProgress);
        ScanSummary? summary = null;

        var label = string.Create(CultureInfo.InvariantCulture, $"{HostsText(targets)} ({ports.Count:N0} {TransportText.Format(options.Transports)} ports)");
        using var scanner = new PortScanner(options);
        await ScanProgressView.RunAsync(console, label, keepBar: format == OutputFormat.Table, async sink =>
        {
            var progress = new ForwardingProgress(sink, p => last = p);
            try
            {
                summary = await scanner.RunAsync(
                    targets.Select(t => t.Address),
                    ports,
                    result => found.Add(new Found(byAddress[result.Address], result)),
                    progress,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C: the scanner has closed its sockets; report what was found so far below.
            }
        }).ConfigureAwait(false);

        var order = targets.Select((t, i) => (t.Address, i)).ToDictionary(p => p.Address, p => p.i);
        var rows = found
            .OrderBy(f => order[f.Result.Address])
            .ThenBy(f => f.Result.Port)
            .ThenBy(f => f.Result.Transport)
            .ToList();
        RowWriter.Write(console, format, Columns, rows);

        var line = summary is null ? InterruptedLine(last, targets.Count) : SummaryLine(summary, ports.Count, targets.Count, options.Transports);
        if (format == OutputFormat.Table)
        {
            console.OutputWriter.WriteLine(line);
        }
        else
        {
            console.Note(line);
        }

        return summary is null ? ExitCodes.Interrupted : ExitCodes.Success;
    }

    private static string SummaryLine(ScanSummary summary, int ports, int hosts, Transport transports)
    {
        var udpOnly = transports == Transport.Udp;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Scanned {ports:N0} {TransportText.Format(transports)} port{(ports == 1 ? "" : "s")} on {hosts} host{(hosts == 1 ? "" : "s")}{(hosts == 1 ? "" : $" ({summary.Probes:N0} probes)")} in {summary.Elapsed.TotalSeconds:0.00} s ({summary.ProbesPerSecond:N0} probes/s): {summary.Open:N0} open, {summary.Closed:N0} closed, {summary.Filtered:N0} filtered{(udpOnly || summary.OpenOrFiltered > 0 ? $", {summary.OpenOrFiltered:N0} open|filtered" : "")}.");
    }

    private static string InterruptedLine(ScanProgress last, int hosts) => string.Create(
        CultureInfo.InvariantCulture,
        $"Interrupted after {last.Completed:N0} of {last.Total:N0} probes on {hosts} host{(hosts == 1 ? "" : "s")} in {last.Elapsed.TotalSeconds:0.00} s: {last.Open:N0} open found so far (listed above).");

    // Short enough for the progress bar's line: "127.0.0.1, ::1" or "127.0.0.1, 127.0.0.2 and 58 more".
    private static string HostsText(IReadOnlyList<ScanTarget> targets) => targets.Count <= 3
        ? string.Join(", ", targets.Select(t => t.Name))
        : string.Create(CultureInfo.InvariantCulture, $"{targets[0].Name}, {targets[1].Name} and {targets.Count - 2} more");

    private static string StateText(PortState state) => state switch
    {
        PortState.Open => "open",
        PortState.Closed => "closed",
        PortState.Filtered => "filtered",
        PortState.OpenOrFiltered => "open|filtered",
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>A reported port with its host and the catalog's service for it.</summary>
    private sealed record Found(ScanTarget Target, PortResult Result)
    {
        // The scanner attaches the catalog's entry; ask the catalog directly when it did not (same answer).
        public PortInfo? Service { get; } = Result.Info ?? PortCatalogIndex.Describe(Result.Port, Result.Transport);
    }

    /// <summary>Passes progress to the view and keeps the latest snapshot, for the line an interrupted scan ends with.</summary>
    private sealed class ForwardingProgress(IProgress<ScanProgress> view, Action<ScanProgress> keep) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value)
        {
            keep(value);
            view.Report(value);
        }
    }
}
