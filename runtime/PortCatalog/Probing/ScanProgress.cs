using System;

namespace PortCatalog;

/// <summary>A snapshot of a running scan, for progress bars (see <see cref="PortScanner"/>).</summary>
/// <param name="Completed">Probes finished so far (a port probed with retries counts once).</param>
/// <param name="Total">Probes the scan will make: hosts × ports × transports.</param>
/// <param name="Open">Results so far that are <see cref="PortState.Open"/>.</param>
/// <param name="Elapsed">Time since the scan started.</param>
public readonly record struct ScanProgress(long Completed, long Total, long Open, TimeSpan Elapsed)
{
    /// <summary>Finished probes per second so far.</summary>
    public double ProbesPerSecond => Elapsed > TimeSpan.Zero ? Completed / Elapsed.TotalSeconds : 0;

    /// <summary>The finished fraction, 0 to 1.</summary>
    public double Fraction => Total == 0 ? 1 : (double)Completed / Total;
}
