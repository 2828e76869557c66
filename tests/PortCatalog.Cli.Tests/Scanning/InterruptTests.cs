using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using PortCatalog.Cli.Tests.Infrastructure;

namespace PortCatalog.Cli.Tests.Scanning;

/// <summary>Ctrl+C (SIGINT) in the middle of a scan: a clean stop, the partial result, exit code 130.</summary>
public sealed partial class InterruptTests
{
    [NetworkNamespaceFact]
    public void SigintMidScanExits130AndPrintsThePortsFoundSoFar()
    {
        // In a namespace of its own: so long a scan of the shared loopback would connect to every other test's servers.
        using var ns = NetworkNamespace.Create();
        using var listeners = new LoopbackListeners();
        var port = ns.RunInside(() => listeners.Open(IPAddress.Loopback));

        // A long scan that stays on loopback: 60 addresses of 127.0.0.0/8 (all routed to lo) from the listener's port to
        // 65535. Hosts are probed in order, so the listener on 127.0.0.1 is found first, long before the end.
        var hosts = Enumerable.Range(1, 60).Select(i => $"127.0.0.{i}");
        using var portcat = new RunningPortcat(
            ns.ExecPrefix,
            // Plain progress lines (stdout is redirected): "  3% 12,345/2,400,000 probes · 1 open · ..."
            line => OpenCount().Match(line) is { Success: true } match && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) > 0,
            ["scan", .. hosts, "-p", $"{port}-65535", "--format", "json"]);
        Assert.True(portcat.WaitForLine(TimeSpan.FromSeconds(30)), "No progress line reported an open port.");
        Assert.False(portcat.HasExited, "The scan ended before it could be interrupted.");
        var run = portcat.Interrupt(TimeSpan.FromSeconds(20));

        Assert.True(run.ExitCode == 130, run.ToString());
        var rows = Output.ParseJson(run.Stdout);
        Assert.Contains(rows, r => r.String("address") == "127.0.0.1" && r.Int("port") == port && r.String("state") == "open");
        Assert.All(rows, r => Assert.Equal("open", r.String("state")));
        Assert.Matches(InterruptedLine(), run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [GeneratedRegex(@"· ([\d,]+) open ·")]
    private static partial Regex OpenCount();

    [GeneratedRegex(@"Interrupted after [\d,]+ of [\d,]+ probes on 60 hosts in [\d.]+ s: [1-9][\d,]* open found so far")]
    private static partial Regex InterruptedLine();
}
