using System;
using System.Collections.Generic;
using System.Linq;

namespace PortCatalog.Cli.Scanning.Reports;

/// <summary>One scanned host: the ports it lists and the counts of those it does not (nmap's "ignored" or extra ports).</summary>
internal sealed class HostReport(ScanTarget target, DateTimeOffset started)
{
    private readonly Dictionary<(PortState State, Transport Transport, string Reason), long> _unlisted = [];

    public ScanTarget Target { get; } = target;

    public DateTimeOffset Started { get; } = started;

    public DateTimeOffset Ended { get; set; } = started;

    /// <summary>The listed ports, sorted by port, then transport, once <see cref="Sort"/> ran.</summary>
    public List<Found> Rows { get; } = [];

    /// <summary>Ports not listed, by state, transport and reason, largest group first.</summary>
    public IEnumerable<(PortState State, Transport Transport, string Reason, long Count)> Unlisted
        => _unlisted.Select(p => (p.Key.State, p.Key.Transport, p.Key.Reason, p.Value)).OrderByDescending(u => u.Value).ThenBy(u => u.State);

    /// <summary>Counts <paramref name="result"/> and lists it when <paramref name="listed"/>.</summary>
    public void Add(PortResult result, bool listed)
    {
        if (listed)
        {
            Rows.Add(new Found(Target, result));
            return;
        }

        var key = (result.State, result.Transport, ScanText.Reason(result));
        _unlisted[key] = _unlisted.GetValueOrDefault(key) + 1;
    }

    public void Sort() => Rows.Sort(static (a, b) => (a.Result.Port, a.Result.Transport).CompareTo((b.Result.Port, b.Result.Transport)));
}
