using PortCatalog.Cli.Output;

namespace PortCatalog.Cli.Scanning;

/// <summary>
/// The columns of <c>scan</c>'s table, JSON and CSV. A new field (<c>--reason</c>, <c>--identify</c>) is one entry here;
/// XML and grepable lines follow nmap's fixed shapes in their own writers.
/// </summary>
internal static class ScanColumns
{
    public static readonly Column<Found>[] All =
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
