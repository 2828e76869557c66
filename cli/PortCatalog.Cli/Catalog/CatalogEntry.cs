namespace PortCatalog.Cli.Catalog;

/// <summary>A catalog entry with the ports it covers: one port, or a range such as X11's 6000-6063.</summary>
/// <param name="Info">The entry as the catalog holds it; <see cref="PortInfo.Port"/> is the first port.</param>
/// <param name="LastPort">The last port the entry covers; equal to the first for a single port.</param>
internal sealed record CatalogEntry(PortInfo Info, int LastPort)
{
    public int FirstPort => Info.Port;

    public bool IsRange => LastPort != FirstPort;

    /// <summary>The ports as people write them: <c>22</c> or <c>6000-6063</c>.</summary>
    public string PortsText => IsRange ? $"{FirstPort}-{LastPort}" : $"{FirstPort}";

    public bool Covers(int port) => port >= FirstPort && port <= LastPort;

    public bool Overlaps(int first, int last) => FirstPort <= last && LastPort >= first;
}
