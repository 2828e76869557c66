using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using PortCatalog.Cli.Tests.Infrastructure;

namespace PortCatalog.Cli.Tests.Scanning;

/// <summary>portcat in a pseudo-terminal, checked on the rendered screen a person would see.</summary>
public sealed partial class TerminalTests
{
    private const string ExitMarker = "PORTCAT_EXIT=";

    [LinuxProgramFact("tmux")]
    public void ScanOnATerminalDrawsALiveProgressBarThenTheTableAndSummary()
    {
        using var listeners = new LoopbackListeners();
        var port = listeners.Open(IPAddress.Loopback);

        // LANG as a person's UTF-8 terminal has it; the marker line shows when portcat has exited, and its code.
        using var tmux = new Tmux(
            $"env LANG=C.UTF-8 {Portcat.ShellCommand($"scan 127.0.0.1 -p 1-20000,{port}")}; echo {ExitMarker}$?; sleep 120");
        var screen = tmux.WaitFor(s => s.Contains(ExitMarker, StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        Assert.Contains($"{ExitMarker}0", screen);
        var lines = screen.Split('\n');

        // The bar was redrawn in place: one progress line, finished, with done/total, open count and rate.
        var bar = Assert.Single(lines, l => l.Contains("probes/s", StringComparison.Ordinal) && !l.StartsWith("Scanned", StringComparison.Ordinal));
        Assert.Matches(BarPattern(), bar);
        Assert.Contains("100%", bar);
        Assert.Contains("20,001/20,001 probes", bar);

        // Then the table with the test's listener, drawn with box characters, and the summary line.
        Assert.Contains(lines, l => l.Contains('│') && l.Contains(" Service ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains('│') && l.Contains($" {port.ToString(CultureInfo.InvariantCulture)} ", StringComparison.Ordinal) && l.Contains(" open ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Scanned 20,001 tcp ports on 1 host", StringComparison.Ordinal));
        Assert.True(
            Array.FindIndex(lines, l => l.Contains("probes/s", StringComparison.Ordinal)) < Array.FindIndex(lines, l => l.Contains(" Service ", StringComparison.Ordinal)),
            screen);
    }

    [NetworkNamespaceFact("tmux")]
    public void CtrlCOnATerminalStopsTheScanAndShowsWhatWasFoundWithExitCode130()
    {
        // In a namespace of its own: so long a scan of the shared loopback would connect to every other test's servers.
        using var ns = NetworkNamespace.Create();
        using var listeners = new LoopbackListeners();
        var port = ns.RunInside(() => listeners.Open(IPAddress.Loopback));

        using var tmux = new Tmux(LongScanInside(ns, 60, port));
        var running = tmux.WaitFor(s => OpenOnBar().IsMatch(s), TimeSpan.FromSeconds(30));
        Assert.Matches(OpenOnBar(), running);
        tmux.SendKeys("C-c");
        var screen = tmux.WaitFor(s => s.Contains(ExitMarker, StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        Assert.Contains($"{ExitMarker}130", screen);
        var lines = screen.Split('\n');
        // The bar stays above the table. Ctrl+C may come before a whole cell of the bar is done (the listener is found on
        // the first host), so the bar may hold only undone cells.
        Assert.Contains(lines, l => l.Contains("127.0.0.1, 127.0.0.2 and 58 more", StringComparison.Ordinal) && (l.Contains('━') || l.Contains('─')));
        Assert.Contains(lines, l => l.Contains('│') && l.Contains($" {port.ToString(CultureInfo.InvariantCulture)} ", StringComparison.Ordinal) && l.Contains(" open ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Interrupted after ", StringComparison.Ordinal));
    }

    [NetworkNamespaceFact("tmux")]
    public void ProgressLineFitsAn80ColumnTerminalWhileItRuns()
    {
        using var ns = NetworkNamespace.Create(); // as above: a long scan, kept away from other tests' servers
        using var listeners = new LoopbackListeners();
        var port = ns.RunInside(() => listeners.Open(IPAddress.Loopback));

        using var tmux = new Tmux(LongScanInside(ns, 30, port), width: 80);
        var running = tmux.WaitFor(s => OpenOnNarrowBar().IsMatch(s) || s.Contains(ExitMarker, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        tmux.SendKeys("C-c");
        tmux.WaitFor(s => s.Contains(ExitMarker, StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        // One screen row holds the whole line: label, bar, percentage and the open count (a wrapped line would
        // leave them on separate rows).
        var lines = running.Split('\n');
        var bar = Assert.Single(lines, l => l.Contains('%') && l.Contains('━'));
        Assert.StartsWith("127.0.0.1, 127.0.0.2 and 28 more", bar);
        Assert.Matches(OpenOnNarrowBar(), bar);
        Assert.InRange(bar.TrimEnd().Length, 40, 79);
    }

    // The shell command of a long scan inside ns, as a person's UTF-8 terminal runs it: the first hostCount addresses of
    // 127.0.0.0/8 (hosts are probed in order, so the listener on 127.0.0.1 is found first), from port to 65535; then the
    // marker line with portcat's exit code.
    private static string LongScanInside(NetworkNamespace ns, int hostCount, int port)
    {
        var hosts = string.Join(' ', Enumerable.Range(1, hostCount).Select(i => $"127.0.0.{i}"));
        return $"env LANG=C.UTF-8 {string.Join(' ', ns.ExecPrefix)} {Portcat.ShellCommand($"scan {hosts} -p {port}-65535")}; echo {ExitMarker}$?; sleep 120";
    }

    [GeneratedRegex(@"· [1-9][\d,]* open ·")]
    private static partial Regex OpenOnBar();

    // At 80 columns the figures shrink to "12% 1 open · ETA 3s" (or "done/total · 1 open · rate/s").
    [GeneratedRegex(@"━[━─]* +\d+% (.* )?[1-9][\d,]* open")]
    private static partial Regex OpenOnNarrowBar();

    // "127.0.0.1 (20,001 tcp ports) ━━━━ 100% 20,001/20,001 probes · 1 open · 9,000 probes/s"
    [GeneratedRegex(@"127\.0\.0\.1 \([\d,]+ tcp ports\) ━+ +\d+% [\d,]+/[\d,]+ probes · \d+ open · [\d,]+ probes/s")]
    private static partial Regex BarPattern();
}
