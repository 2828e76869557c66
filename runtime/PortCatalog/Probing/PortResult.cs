using System.Net;

namespace PortCatalog;

/// <summary>The outcome of probing one port of one host.</summary>
/// <param name="Address">The probed host.</param>
/// <param name="Port">The probed port.</param>
/// <param name="Transport">The transport probed: <see cref="PortCatalog.Transport.Tcp"/> or <see cref="PortCatalog.Transport.Udp"/>.</param>
/// <param name="State">What the probe found.</param>
/// <param name="Reason">Why: the answer or silence behind <paramref name="State"/>, in nmap's vocabulary (<see cref="PortReasonExtensions.ToNmapName(PortReason)"/>).</param>
/// <param name="Info">The catalog's entry for this port and transport, or null when the catalog does not know it.</param>
public readonly record struct PortResult(IPAddress Address, int Port, Transport Transport, PortState State, PortReason Reason, PortInfo? Info)
{
    /// <summary>
    /// What answers on the port, when the scan identified services (<see cref="PortScanOptions.IdentifyServices"/>) and
    /// the port is open; otherwise null.
    /// </summary>
    public ServiceIdentity? Identity { get; init; }
}
