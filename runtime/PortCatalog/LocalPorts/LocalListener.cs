using System.Net;

namespace PortCatalog;

/// <summary>A socket on this machine that waits for peers: a listening TCP socket or a bound, unconnected UDP socket.</summary>
/// <param name="Address">The local address it is bound to; <see cref="IPAddress.Any"/> or <see cref="IPAddress.IPv6Any"/> for every address.</param>
/// <param name="Port">The local port, 1 to 65535.</param>
/// <param name="Transport">Either <see cref="Transport.Tcp"/> or <see cref="Transport.Udp"/>.</param>
/// <param name="Service">The built-in catalog's entry for this port and transport, or <see langword="null"/> when the catalog has none.</param>
/// <remarks>The owning process is not reported: finding it needs privileges and platform APIs this library does not assume.</remarks>
public sealed record LocalListener(IPAddress Address, int Port, Transport Transport, PortInfo? Service);
