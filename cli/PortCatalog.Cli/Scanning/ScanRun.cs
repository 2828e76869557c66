using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using PortCatalog.Cli.Output;
using PortCatalog.Cli.Scanning.Reports;
using PortCatalog.Probing;

namespace PortCatalog.Cli.Scanning;

/// <summary>
/// Runs a scan: reads the targets, resolves names, then feeds the addresses to the scanner in batches taken from the
/// target stream (a <c>/8</c> starts at once and is never held in memory), and hands each finished host to the
/// reports (stdout, and the <c>-o</c> file).
/// </summary>
internal static class ScanRun
{
    // Probes per batch: enough that a batch's tail (its slowest probes) costs little, few enough that a batch's
    // addresses and per-host tallies stay small.
    private const int ProbesPerBatch = 16_384;

    public static async Task<int> RunAsync(CliConsole console, ScanRequest request, CancellationToken cancellationToken)
    {
        var targets = TargetList.Read(request.Targets, request.InputList, () => Console.In);
        var options = request.Options;
        var ports = request.Ports.Resolve(options.Transports);
        var toFile = request.OutputFile is { } path && path != "-";
        var columns = ScanColumns.For(request);
        using var fileReport = toFile ? CreateReport(OpenOutput(request.OutputFile!), request.Format, columns) : null;
        var resolver = await HostResolver.ResolveAsync(targets, console, cancellationToken).ConfigureAwait(false);
        var hosts = resolver.Count;
        var transports = Enum.GetValues<Transport>().Count(t => t is Transport.Tcp or Transport.Udp && (options.Transports & t) != 0);
        var probesPerHost = (long)ports.Count * transports;
        NoteLoweredWindow(console, options.Window, hosts * probesPerHost);

        using var stdoutReport = toFile ? new TableReport(console, columns) : CreateReport(console, request.Format, columns);
        IScanReport[] reports = fileReport is null ? [stdoutReport] : [stdoutReport, fileReport];
        var start = new ScanStart(CommandLine(), DateTimeOffset.Now, ports, options.Transports, targets, hosts, request.ListAllStates);
        foreach (var report in reports)
        {
            report.Begin(start);
        }

        var clock = Stopwatch.StartNew();
        var totals = new Totals();
        var interrupted = false;
        var transportText = TransportText.Format(options.Transports);
        var label = string.Create(
            CultureInfo.InvariantCulture,
            $"{ScanText.Targets(targets)} ({(targets.All(t => t.Count == 1) ? "" : ScanText.Count(hosts, "host") + ", ")}{ports.Count:N0} {transportText} port{(ports.Count == 1 ? "" : "s")})");
        using var scanner = new PortScanner(options);
        await ScanProgressView.RunAsync(console, label, keepBar: stdoutReport is TableReport, async sink =>
        {
            var batchHosts = (int)Math.Clamp(ProbesPerBatch / Math.Max(1, probesPerHost), 1, ProbesPerBatch);
            foreach (var batch in Batches(resolver.Stream(), batchHosts))
            {
                var started = DateTimeOffset.Now;
                var byAddress = batch.ToDictionary(t => t.Address, t => new HostReport(t, started));
                var before = totals;
                var progress = new BatchProgress(sink, before, hosts * probesPerHost, clock, p => totals.Last = p);
                try
                {
                    var summary = await scanner.RunAsync(
                        batch.Select(t => t.Address),
                        ports,
                        result => byAddress[result.Address].Add(result, request.ListAllStates || result.State is PortState.Open or PortState.OpenOrFiltered),
                        progress,
                        cancellationToken).ConfigureAwait(false);
                    totals = totals.Add(summary, batch.Count);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Ctrl+C: the scanner has closed its sockets; report what was found so far.
                    interrupted = true;
                }

                var ended = DateTimeOffset.Now;
                foreach (var host in batch.Select(t => byAddress[t.Address]))
                {
                    host.Ended = ended;
                    host.Sort();
                    if (!interrupted || host.Rows.Count > 0)
                    {
                        foreach (var report in reports)
                        {
                            report.Host(host);
                        }
                    }
                }

                if (interrupted)
                {
                    break;
                }
            }
        }).ConfigureAwait(false);

        var lines = interrupted
            ? [InterruptedLine(totals.Last, hosts)]
            : SummaryLines(totals, clock.Elapsed, ports.Count, hosts, ScanText.Targets(targets), options.Transports, request);
        var end = new ScanEnd(DateTimeOffset.Now, clock.Elapsed, totals.Hosts, interrupted, lines);
        foreach (var report in reports)
        {
            report.End(end);
        }

        if (stdoutReport is not TableReport)
        {
            foreach (var line in lines)
            {
                console.Note(line);
            }
        }

        return interrupted ? ExitCodes.Interrupted : ExitCodes.Success;
    }

    private static IScanReport CreateReport(CliConsole console, OutputFormat format, IReadOnlyList<Column<Found>> columns) => format switch
    {
        OutputFormat.Table => new TableReport(console, columns),
        OutputFormat.Json or OutputFormat.Csv => new RowsReport(console, format, columns),
        OutputFormat.Xml => new NmapXmlReport(console),
        OutputFormat.Grepable => new GrepableReport(console),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    private static CliConsole OpenOutput(string path)
    {
        try
        {
            return CliConsole.ForFile(new StreamWriter(path, append: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--output: cannot write '{path}': {e.Message}", e);
        }
    }

    /// <summary>Says once, before the scan, that the open-file limit lowers the window (the scanner lowers it silently).</summary>
    private static void NoteLoweredWindow(CliConsole console, int window, long probes)
    {
        var wanted = (int)Math.Min(window, probes);
        var fitted = DescriptorBudget.Fit(wanted);
        if (fitted < wanted)
        {
            console.Note(string.Create(
                CultureInfo.InvariantCulture,
                $"portcat: note: --window {window:N0} is lowered to {fitted:N0} probes in flight to fit this process's open-file limit; raise it (ulimit -n) for more."));
        }
    }

    /// <summary>Consecutive addresses of the stream, at most <paramref name="size"/> at a time, each address once per batch.</summary>
    private static IEnumerable<List<ScanTarget>> Batches(IEnumerable<ScanTarget> targets, int size)
    {
        var batch = new List<ScanTarget>(Math.Min(size, 1024));
        var seen = new HashSet<IPAddress>();
        foreach (var target in targets)
        {
            if (batch.Count == size || !seen.Add(target.Address))
            {
                yield return batch;
                batch = new List<ScanTarget>(Math.Min(size, 1024));
                seen.Clear();
                seen.Add(target.Address);
            }

            batch.Add(target);
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static string CommandLine()
        => string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Prepend("portcat").Select(a => a.Contains(' ') ? $"'{a}'" : a));

    private static string[] SummaryLines(Totals totals, TimeSpan elapsed, int ports, long hosts, string targets, Transport transports, ScanRequest request)
    {
        var udpOnly = transports == Transport.Udp;
        var rate = elapsed > TimeSpan.Zero ? totals.Probes / elapsed.TotalSeconds : 0;
        var transportText = TransportText.Format(transports);
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"Scanned {ports:N0} {transportText} port{(ports == 1 ? "" : "s")} on {ScanText.Count(hosts, "host")}{(hosts == 1 ? "" : $" ({totals.Probes:N0} probes)")} in {elapsed.TotalSeconds:0.00} s ({rate:N0} probes/s): {totals.Open:N0} open, {totals.Closed:N0} closed, {totals.Filtered:N0} filtered{(udpOnly || totals.OpenOrFiltered > 0 ? $", {totals.OpenOrFiltered:N0} open|filtered" : "")}.");
        if (totals.Open + totals.OpenOrFiltered > 0 || request.ListAllStates)
        {
            return [summary];
        }

        // Nothing to list: say what was scanned and how to scan more, as nmap's "All 1000 scanned ports ... are closed".
        var where = hosts == 1 ? $"on {targets}" : $"on the {ScanText.Count(hosts, "host")} of {targets}";
        var states = totals.Closed == totals.Probes ? "closed"
            : totals.Filtered == totals.Probes ? "filtered"
            : string.Create(CultureInfo.InvariantCulture, $"closed or filtered ({totals.Closed:N0} closed, {totals.Filtered:N0} filtered)");
        var which = request.Ports == PortSpec.WellKnown
            ? $"These were the catalog's well-known {transportText} ports (-p well-known, the default). Scan every port with -p- (1-65535), or list closed and filtered ports with --all-states."
            : "Scan more ports with -p- (1-65535), or list closed and filtered ports with --all-states.";
        return [summary, string.Create(CultureInfo.InvariantCulture, $"All {ports:N0} scanned {transportText} port{(ports == 1 ? "" : "s")} {where} are {states}: nothing open. {which}")];
    }

    private static string InterruptedLine(ScanProgress last, long hosts) => string.Create(
        CultureInfo.InvariantCulture,
        $"Interrupted after {last.Completed:N0} of {last.Total:N0} probes on {ScanText.Count(hosts, "host")} in {last.Elapsed.TotalSeconds:0.00} s: {last.Open:N0} open found so far (listed above).");

    /// <summary>The counts of the batches finished so far, and the latest overall progress.</summary>
    private sealed record Totals(long Hosts = 0, long Probes = 0, long Open = 0, long Closed = 0, long Filtered = 0, long OpenOrFiltered = 0)
    {
        public ScanProgress Last { get; set; }

        public Totals Add(ScanSummary summary, int hosts) => new(
            Hosts + hosts,
            Probes + summary.Probes,
            Open + summary.Open,
            Closed + summary.Closed,
            Filtered + summary.Filtered,
            OpenOrFiltered + summary.OpenOrFiltered)
        { Last = Last };
    }

    /// <summary>A batch's progress as the whole scan's: the finished batches' counts added, the whole scan's total and time.</summary>
    private sealed class BatchProgress(IProgress<ScanProgress> view, Totals before, long total, Stopwatch clock, Action<ScanProgress> keep) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value)
        {
            var overall = new ScanProgress(before.Probes + value.Completed, total, before.Open + value.Open, clock.Elapsed);
            keep(overall);
            view.Report(overall);
        }
    }
}
