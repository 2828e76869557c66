using System;
using System.Net;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PortCatalog.Probing;

namespace PortCatalog;

/// <summary>
/// Probes one TCP or UDP port. On Linux with .NET 8 or later a warm probe allocates nothing; elsewhere it uses
/// System.Net.Sockets. Results follow the usual scanner meaning of <see cref="PortState"/>;
/// <see cref="ProbeAsync(IPAddress, int, Transport, TimeSpan, CancellationToken)"/> also says why (<see cref="PortReason"/>).
/// An answer from the network is always a state, never an exception; a multicast or broadcast destination is refused
/// with an <see cref="ArgumentException"/>. To probe many ports, use <see cref="PortScanner"/>, which bounds the sockets in flight.
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
    /// <exception cref="ArgumentException"><paramref name="address"/> is a multicast or broadcast address, not one host.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is outside 0–65535 or <paramref name="timeout"/> is not positive.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">A local failure unrelated to the port, such as the process running out of file descriptors; the message names the errno.</exception>
    public static ValueTask<PortState> ProbeTcpAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Guard.Target(address, nameof(address));
        Guard.Port(port, nameof(port));
        Guard.Timeout(timeout, nameof(timeout));
        return ProbeEngines.Get(ProbeEngineKind.Default).ProbeTcpStateAsync(address, port, timeout, cancellationToken);
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
    /// <exception cref="ArgumentException"><paramref name="address"/> is a multicast or broadcast address, not one host.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is outside 0–65535 or <paramref name="timeout"/> is not positive.</exception>
    public static ValueTask<PortState> ProbeUdpAsync(IPAddress address, int port, ReadOnlyMemory<byte> payload, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Guard.Target(address, nameof(address));
        Guard.Port(port, nameof(port));
        Guard.Timeout(timeout, nameof(timeout));
        return ProbeEngines.Get(ProbeEngineKind.Default).ProbeUdpStateAsync(address, port, payload, timeout, cancellationToken);
    }

    /// <summary>
    /// Probes one TCP or UDP port (UDP with the built-in payload for the port, if any) and returns the state, the reason
    /// for it in nmap's vocabulary, and the catalog's entry for the port.
    /// </summary>
    /// <param name="address">The host to probe, IPv4 or IPv6.</param>
    /// <param name="port">The port, 0 to 65535.</param>
    /// <param name="transport"><see cref="Transport.Tcp"/> or <see cref="Transport.Udp"/>.</param>
    /// <param name="timeout">How long to wait for an answer; positive.</param>
    /// <param name="cancellationToken">Cancels the probe and closes its socket.</param>
    /// <returns>The result, with <see cref="PortResult.Reason"/> saying what answered (or that nothing did).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="address"/> is a multicast or broadcast address, not one host.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> or <paramref name="timeout"/> is out of range, or <paramref name="transport"/> is not TCP or UDP.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">A local failure unrelated to the port; the message names the errno.</exception>
    public static ValueTask<PortResult> ProbeAsync(IPAddress address, int port, Transport transport, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Guard.Target(address, nameof(address));
        Guard.Port(port, nameof(port));
        Guard.Timeout(timeout, nameof(timeout));
        var engine = ProbeEngines.Get(ProbeEngineKind.Default);
        var probe = transport switch
        {
            Transport.Tcp => engine.ProbeTcpAsync(address, port, timeout, cancellationToken),
            Transport.Udp => engine.ProbeUdpAsync(address, port, UdpPayloads.ForPort(port), timeout, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, "A probe is TCP or UDP."),
        };
        return ResultOf(address, port, transport, probe);
    }

#if NET
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    private static async ValueTask<PortResult> AwaitResult(IPAddress address, int port, Transport transport, ValueTask<ProbeOutcome> probe)
        => ToResult(address, port, transport, await probe.ConfigureAwait(false));

    private static ValueTask<PortResult> ResultOf(IPAddress address, int port, Transport transport, ValueTask<ProbeOutcome> probe)
        => probe.IsCompletedSuccessfully ? new ValueTask<PortResult>(ToResult(address, port, transport, probe.Result)) : AwaitResult(address, port, transport, probe);

    internal static PortResult ToResult(IPAddress address, int port, Transport transport, ProbeOutcome outcome)
    {
        PortInfo? info = CatalogLookup.TryGetInfo(port, transport, out var found) ? found : null;
        return new PortResult(address, port, transport, outcome.State, outcome.Reason, info);
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
