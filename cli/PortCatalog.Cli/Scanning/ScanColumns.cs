using PortCatalog.Cli.Output;

namespace PortCatalog.Cli.Scanning;

/// <summary>
/// The columns of <c>scan</c>'s table, JSON and CSV. A new field (<c>--reason</c>: <see cref="ScanText.Reason"/>,
/// <c>--identify</c>) is one entry added in <see cref="For"/> when its option is on; XML and grepable lines follow nmap's
/// fixed shapes in their own writers (XML already carries the reason of every port).
/// </summary>
internal static class ScanColumns
{
    /// <summary>The columns a scan asked for by <paramref name="request"/> prints.</summary>
    public static Column<Found>[] For(ScanRequest request) => Default;

    private static readonly Column<Found>[] Default =
    [
        new("host", "Host", static f => f.Target.Name),
        new("address", "Address", static f => f.Target.Address.ToString()),
        new("port", "Port", static f => f.Result.Port) { AlignRight = true },
        new("transport", "Transport", static f => TransportText.Format(f.Result.Transport)),
        new("state", "State", static f => ScanText.State(f.Result.State)),
        new("service", "Service", static f => f.Service?.ServiceName),
        new("description", "Description", static f => f.Service?.Description),
    ];
}
