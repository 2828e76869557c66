using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using PortCatalog.Identification;
using PortCatalog.Probing;

namespace PortCatalog;

public static partial class PortProbe
{
    /// <summary>
    /// Finds out what answers on TCP port <paramref name="port"/> of <paramref name="address"/> and holds it against the
    /// catalog: listens for a greeting, then speaks the protocol the catalog registers for the port, then the other
    /// likely ones (TLS and the protocol inside it, HTTP, Redis, PostgreSQL, memcached, MQTT, DNS, LDAP). Every probe is
    /// read-only and harmless; docs/identification.md lists exactly what each one sends.
    /// </summary>
    /// <param name="address">The host, IPv4 or IPv6.</param>
    /// <param name="port">The port, 0 to 65535; normally one a probe or scan found open.</param>
    /// <param name="timeout">
    /// The most the whole identification may take; positive. The greeting gets a quarter of it and the other probes,
    /// which run side by side, half; so a service that never answers costs three quarters of it. On loopback and LANs
    /// 1–2 seconds is plenty.
    /// </param>
    /// <param name="cancellationToken">Stops the identification and closes its socket; the task is then cancelled.</param>
    /// <returns>
    /// The identity. A port where nothing answers, nothing listens, or nothing is recognised gives an identity with a
    /// null <see cref="ServiceIdentity.Service"/> and a <see cref="ServiceIdentity.Detail"/> that says what was seen; an
    /// answer from the network never throws.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is outside 0–65535 or <paramref name="timeout"/> is not positive.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">A local failure unrelated to the port, such as the process running out of file descriptors.</exception>
    public static Task<ServiceIdentity> IdentifyAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(address, nameof(address));
        Guard.Port(port, nameof(port));
        Guard.Timeout(timeout, nameof(timeout));
        return ServiceIdentifier.Default.IdentifyTcpAsync(address, port, timeout, cancellationToken);
    }

    /// <summary>Finds out what answers on the TCP port <paramref name="endPoint"/>, as <see cref="IdentifyAsync(IPAddress, int, TimeSpan, CancellationToken)"/> does.</summary>
    /// <param name="endPoint">The host and port.</param>
    /// <param name="timeout">The most the whole identification may take; positive.</param>
    /// <param name="cancellationToken">Stops the identification and closes its socket.</param>
    /// <returns>The identity, as for <see cref="IdentifyAsync(IPAddress, int, TimeSpan, CancellationToken)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endPoint"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is not positive.</exception>
    public static Task<ServiceIdentity> IdentifyAsync(IPEndPoint endPoint, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(endPoint, nameof(endPoint));
        return IdentifyAsync(endPoint.Address, endPoint.Port, timeout, cancellationToken);
    }

    /// <summary>
    /// Finds out what answers on UDP port <paramref name="port"/> of <paramref name="address"/>: sends the DNS
    /// (<c>version.bind</c>), NTP (client request) and SNMP (GetRequest sysDescr.0, community <c>public</c>) probes, the
    /// port's own protocol first, and recognises the reply.
    /// </summary>
    /// <param name="address">The host, IPv4 or IPv6.</param>
    /// <param name="port">The port, 0 to 65535.</param>
    /// <param name="timeout">The most the whole identification may take; positive. Each probe gets a third of it.</param>
    /// <param name="cancellationToken">Stops the identification and closes its socket; the task is then cancelled.</param>
    /// <returns>The identity; unknown (with what was seen) when no probe gets a recognised reply.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is outside 0–65535 or <paramref name="timeout"/> is not positive.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<ServiceIdentity> IdentifyUdpAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(address, nameof(address));
        Guard.Port(port, nameof(port));
        Guard.Timeout(timeout, nameof(timeout));
        return ServiceIdentifier.Default.IdentifyUdpAsync(address, port, timeout, cancellationToken);
    }
}
