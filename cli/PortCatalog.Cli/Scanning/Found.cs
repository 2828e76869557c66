namespace PortCatalog.Cli.Scanning;

/// <summary>A reported port with its host and the catalog's service for it: one row of a scan's output.</summary>
internal sealed record Found(ScanTarget Target, PortResult Result)
{
    // The scanner attaches the catalog's entry; ask the catalog directly when it did not (same answer).
    public PortInfo? Service { get; } = Result.Info ?? (WellKnownPorts.TryGetInfo(Result.Port, Result.Transport, out var info) ? info : null);
}
