using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using PortCatalog.Probing;

namespace PortCatalog;

/// <summary>
/// Probes one TCP or UDP port. On Linux with .NET 8 or later a warm probe allocates nothing; elsewhere it uses
/// System.Net.Sockets. Results follow the usual scanner meaning of <see cref="PortState"/>. To probe many ports, use
/// <see cref="PortScanner"/>, which bounds the sockets in flight.
/// </summary>
public static partial class PortProbe
{
    /// <summary>Tries a TCP connection to <paramref name="address"/>:<paramref name="port"/>.</summary>
    /// <param name="address">The host to probe, IPv4 or IPv6.</param>
    /// <param name="port">The port, 0 to 65535.</param>
    /// <param name="timeout">How long to wait for an answer before reporting <see cref="PortState.Filtered"/>; positive.</param>
    /// <param name="cancellationToken">Cancels the probe and closes its socket.</param>
    /// <returns>
    /// <see cref="PortState.Open"/> when the connection is accepted (it is then reset, not left in TIME_WAIT),
    /// <see cref="PortState.Closed"/> when refused, <see cref="PortState.Filtered"/> on silence or an ICMP/route error.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is outside 0–65535 or <paramref name="timeout"/> is not positive.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">A local failure unrelated to the port, such as the process running out of file descriptors.</exception>
    public static ValueTask<PortState> ProbeTcpAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(address, nameof(address));
        Guard.Port(port, nameof(port));
        Guard.Timeout(timeout, nameof(timeout));
        return ProbeEngines.Get(ProbeEngineKind.Default).ProbeTcpAsync(address, port, timeout, cancellationToken);
    }

    /// <summary>Tries a TCP connection to <paramref name="endPoint"/>.</summary>
    /// <param name="endPoint">The host and port to probe.</param>
    /// <param name="timeout">How long to wait for an answer before reporting <see cref="PortState.Filtered"/>; positive.</param>
    /// <param name="cancellationToken">Cancels the probe and closes its socket.</param>
    /// <returns>The port's state, as for <see cref="ProbeTcpAsync(IPAddress, int, TimeSpan, CancellationToken)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endPoint"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is not positive.</exception>
    public static ValueTask<PortState> ProbeTcpAsync(IPEndPoint endPoint, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(endPoint, nameof(endPoint));
        return ProbeTcpAsync(endPoint.Address, endPoint.Port, timeout, cancellationToken);
    }

    /// <summary>
    /// Sends a UDP datagram to <paramref name="address"/>:<paramref name="port"/> and waits for a reply, using the built-in
    /// payload for services that answer only a well-formed request (DNS, NTP, SNMP) and an empty datagram otherwise.
    /// </summary>
    /// <param name="address">The host to probe, IPv4 or IPv6.</param>
    /// <param name="port">The port, 0 to 65535.</param>
    /// <param name="timeout">How long to wait for a reply before reporting <see cref="PortState.OpenOrFiltered"/>; positive.</param>
    /// <param name="cancellationToken">Cancels the probe and closes its socket.</param>
    /// <returns>
    /// <see cref="PortState.Open"/> on a reply, <see cref="PortState.Closed"/> on an ICMP port unreachable,
    /// <see cref="PortState.Filtered"/> on another ICMP/route error, <see cref="PortState.OpenOrFiltered"/> on silence.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is outside 0–65535 or <paramref name="timeout"/> is not positive.</exception>
    public static ValueTask<PortState> ProbeUdpAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Guard.Port(port, nameof(port));
        return ProbeUdpAsync(address, port, UdpPayloads.ForPort(port), timeout, cancellationToken);
    }

    /// <summary>Sends <paramref name="payload"/> in a UDP datagram to <paramref name="address"/>:<paramref name="port"/> and waits for a reply.</summary>
    /// <param name="address">The host to probe, IPv4 or IPv6.</param>
    /// <param name="port">The port, 0 to 65535.</param>
    /// <param name="payload">The datagram's content; may be empty.</param>
    /// <param name="timeout">How long to wait for a reply before reporting <see cref="PortState.OpenOrFiltered"/>; positive.</param>
    /// <param name="cancellationToken">Cancels the probe and closes its socket.</param>
    /// <returns>The port's state, as for <see cref="ProbeUdpAsync(IPAddress, int, TimeSpan, CancellationToken)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is outside 0–65535 or <paramref name="timeout"/> is not positive.</exception>
    public static ValueTask<PortState> ProbeUdpAsync(IPAddress address, int port, ReadOnlyMemory<byte> payload, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(address, nameof(address));
        Guard.Port(port, nameof(port));
        Guard.Timeout(timeout, nameof(timeout));
        return ProbeEngines.Get(ProbeEngineKind.Default).ProbeUdpAsync(address, port, payload, timeout, cancellationToken);
    }

    /// <summary>Sends a UDP probe to <paramref name="endPoint"/> with the built-in payload for its port, if any.</summary>
    /// <param name="endPoint">The host and port to probe.</param>
    /// <param name="timeout">How long to wait for a reply before reporting <see cref="PortState.OpenOrFiltered"/>; positive.</param>
    /// <param name="cancellationToken">Cancels the probe and closes its socket.</param>
    /// <returns>The port's state, as for <see cref="ProbeUdpAsync(IPAddress, int, TimeSpan, CancellationToken)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endPoint"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is not positive.</exception>
    public static ValueTask<PortState> ProbeUdpAsync(IPEndPoint endPoint, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(endPoint, nameof(endPoint));
        return ProbeUdpAsync(endPoint.Address, endPoint.Port, timeout, cancellationToken);
    }
}
