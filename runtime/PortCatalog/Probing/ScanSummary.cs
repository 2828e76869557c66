using System;

namespace PortCatalog;

/// <summary>The totals of a finished scan (see <see cref="PortScanner.RunAsync(System.Collections.Generic.IEnumerable{System.Net.IPAddress}, PortSet, Action{PortResult}?, IProgress{ScanProgress}?, System.Threading.CancellationToken)"/>).</summary>
/// <param name="Probes">Ports probed: hosts × ports × transports.</param>
/// <param name="Open">Ports found <see cref="PortState.Open"/>.</param>
/// <param name="Closed">Ports found <see cref="PortState.Closed"/>.</param>
/// <param name="Filtered">Ports found <see cref="PortState.Filtered"/>.</param>
/// <param name="OpenOrFiltered">UDP ports found <see cref="PortState.OpenOrFiltered"/>.</param>
/// <param name="Elapsed">How long the scan took.</param>
public sealed record ScanSummary(long Probes, long Open, long Closed, long Filtered, long OpenOrFiltered, TimeSpan Elapsed)
{
    /// <summary>Probes per second over the whole scan.</summary>
    public double ProbesPerSecond => Elapsed > TimeSpan.Zero ? Probes / Elapsed.TotalSeconds : 0;
}
