using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace PortCatalog.Cli.Catalog;

/// <summary>
/// The built-in catalog (<see cref="WellKnownPorts"/>) as the commands ask about it: entries with their ranges,
/// lookups by port, name and transport, and the ports a <c>well-known</c> scan probes.
/// </summary>
internal static class PortCatalogIndex
{
    private static readonly Lazy<CatalogEntry[]> LazyEntries = new(LoadEntries);

    /// <summary>Every entry, sorted by first port, the primary entry of a port first (the catalog's order).</summary>
    public static IReadOnlyList<CatalogEntry> Entries => LazyEntries.Value;

    /// <summary>The entries that cover <paramref name="port"/> and are registered for every transport in <paramref name="transport"/>.</summary>
    public static IEnumerable<CatalogEntry> AtPort(int port, Transport transport)
        => Entries.Where(e => e.Covers(port) && HasTransports(e.Info, transport));

    /// <summary>The entries named <paramref name="name"/> (service name or C# identifier, any case).</summary>
    public static IEnumerable<CatalogEntry> Named(string name, Transport transport)
    {
        if (!WellKnownPorts.TryGetPort(name, out var port))
        {
            return [];
        }

        // TryGetPort answers the port; the entry is the one on that port carrying the name (a port can hold several).
        return AtPort(port, transport).Where(e =>
            string.Equals(e.Info.ServiceName, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(e.Info.Identifier, name, StringComparison.OrdinalIgnoreCase));
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

    private static CatalogEntry[] LoadEntries()
    {
        var rangeLasts = LoadRangeLasts();
        var entries = new CatalogEntry[WellKnownPorts.All.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var info = WellKnownPorts.All[i];
            entries[i] = new CatalogEntry(info, rangeLasts.TryGetValue(info.Identifier, out var last) ? last : info.Port);
        }

        return entries;
    }

    // The generated catalog exposes a range only as a property `<Identifier>Range` of type PortRange beside the
    // constant (PortInfo has no last port). Read those public properties once, so `list` and `lookup` can show 6000-6063.
    private static Dictionary<string, int> LoadRangeLasts()
    {
        const string Suffix = "Range";
        var lasts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var property in typeof(WellKnownPorts).GetProperties(BindingFlags.Public | BindingFlags.Static))
        {
            if (property.PropertyType == typeof(PortRange) && property.Name.EndsWith(Suffix, StringComparison.Ordinal))
            {
                var range = (PortRange)property.GetValue(null)!;
                lasts[property.Name[..^Suffix.Length]] = range.Last;
            }
        }

        return lasts;
    }
}
