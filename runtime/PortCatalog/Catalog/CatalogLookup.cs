namespace PortCatalog;

/// <summary>
/// The one place probe and local-port code asks the built-in catalog about a port, so results can carry
/// the service's <see cref="PortInfo"/>.
/// </summary>
internal static class CatalogLookup
{
    public static bool TryGetInfo(int port, Transport transport, out PortInfo info)
        => WellKnownPorts.TryGetInfo(port, transport, out info);
}
