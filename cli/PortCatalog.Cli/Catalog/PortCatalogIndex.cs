using System;
using System.Collections.Generic;
using System.Linq;

namespace PortCatalog.Cli.Catalog;

/// <summary>
/// The built-in catalog (<see cref="WellKnownPorts"/>) as the commands ask about it. Every answer comes from the
/// catalog's runtime lookups; this class only shapes entries for printing.
/// </summary>
internal static class PortCatalogIndex
{
    private static readonly Lazy<CatalogEntry[]> LazyEntries = new(() => WellKnownPorts.Entries.Select(ToEntry).ToArray());

    /// <summary>Every entry, sorted by first port, the primary entry of a port first (the catalog's order).</summary>
    public static IReadOnlyList<CatalogEntry> Entries => LazyEntries.Value;

    /// <summary>
    /// The entries that cover <paramref name="port"/> and are registered for every transport in <paramref name="transport"/>:
    /// the port's own entries first, then the ranges that cover it.
    /// </summary>
    public static IEnumerable<CatalogEntry> AtPort(int port, Transport transport)
        => WellKnownPorts.GetInfos(port, transport).Select(ToEntry);

    /// <summary>The entries named <paramref name="name"/> (identifier, service name or another name the tables give, any case).</summary>
    public static IEnumerable<CatalogEntry> Named(string name, Transport transport)
    {
        if (!WellKnownPorts.TryGetPort(name, out var port))
        {
            return [];
        }

        // TryGetPort answers the port; of the port's entries, those carrying the name (a port can hold several).
        var atPort = WellKnownPorts.GetInfos(port, transport).Where(e => e.Port == port).ToArray();
        var named = atPort.Where(e =>
            string.Equals(e.ServiceName, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(e.Identifier, name, StringComparison.OrdinalIgnoreCase)).ToArray();
        return (named.Length > 0 ? named : atPort.Take(1)).Select(ToEntry);
    }

    /// <summary>The catalog's entry for a probed or listening port, for service names in results.</summary>
    public static PortInfo? Describe(int port, Transport transport)
        => WellKnownPorts.TryGetInfo(port, transport, out var info) ? info : null;

    /// <summary>
    /// The ports of the catalog's entries registered for any transport in <paramref name="transports"/>: the <c>well-known</c>
    /// port list. A range entry contributes its first port (X11's 6000, not 64 displays), as a quick scan should.
    /// </summary>
    public static PortSet WellKnownPortsFor(Transport transports)
        => PortSet.Of(Entries.Where(e => (e.Info.Transports & transports) != 0).Select(e => e.FirstPort));

    public static bool HasTransports(PortInfo info, Transport transport) => (info.Transports & transport) == transport;

    private static CatalogEntry ToEntry(PortInfo info) => new(info, info.LastPort);
}
