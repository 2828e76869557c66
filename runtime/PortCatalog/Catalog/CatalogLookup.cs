namespace PortCatalog;

/// <summary>
/// The one place probe and local-port code asks the built-in catalog about a port, so results can carry
/// the service's <see cref="PortInfo"/>.
/// </summary>
internal static class CatalogLookup
{
    // Until the generator emits WellKnownPorts this knows nothing; it then forwards to WellKnownPorts.TryGetInfo.
    public static bool TryGetInfo(int port, Transport transport, out PortInfo info)
    {
        info = default;
        return false;
    }
}
