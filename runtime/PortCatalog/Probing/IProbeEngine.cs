using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace PortCatalog.Probing;

/// <summary>
/// The seam between the public probe API (<c>PortProbe</c>, <c>PortScanner</c>) and an engine
/// that sends probes: <c>LinuxProbeEngine</c> (raw non-blocking sockets and epoll) or
/// <c>PortableProbeEngine</c> (System.Net.Sockets). Arguments are validated by the caller.
/// Implementations are thread-safe and must not allocate per probe in steady state where they can avoid it.
/// </summary>
internal interface IProbeEngine : IDisposable
{
    /// <summary>Connects to <paramref name="address"/>:<paramref name="port"/> and classifies the outcome.</summary>
    ValueTask<PortState> ProbeTcpAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="payload"/> (may be empty) to <paramref name="address"/>:<paramref name="port"/> and classifies the outcome.</summary>
    ValueTask<PortState> ProbeUdpAsync(IPAddress address, int port, ReadOnlyMemory<byte> payload, TimeSpan timeout, CancellationToken cancellationToken);
}
