using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace PortCatalog.Probing;

/// <summary>
/// The seam between the public probe API (<c>PortProbe</c>, <c>PortScanner</c>) and an engine
/// that sends probes: <c>LinuxProbeEngine</c> (raw non-blocking sockets and epoll) or
/// <c>PortableProbeEngine</c> (System.Net.Sockets). Arguments are validated by the caller.
/// Implementations are thread-safe and must not allocate per probe in steady state where they can avoid it. An answer
/// from the network is always an outcome (made by <see cref="OutcomeClassifier"/>); only failures of this machine throw.
/// </summary>
internal interface IProbeEngine : IDisposable
{
    /// <summary>Connects to <paramref name="address"/>:<paramref name="port"/> and classifies the outcome.</summary>
    ValueTask<ProbeOutcome> ProbeTcpAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="payload"/> (may be empty) to <paramref name="address"/>:<paramref name="port"/> and classifies the outcome.</summary>
    ValueTask<ProbeOutcome> ProbeUdpAsync(IPAddress address, int port, ReadOnlyMemory<byte> payload, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>As <see cref="ProbeTcpAsync"/>, for callers that want only the state (the Linux engine allocates nothing for it).</summary>
    ValueTask<PortState> ProbeTcpStateAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>As <see cref="ProbeUdpAsync"/>, for callers that want only the state.</summary>
    ValueTask<PortState> ProbeUdpStateAsync(IPAddress address, int port, ReadOnlyMemory<byte> payload, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Closes sockets the engine keeps for reuse (a scan calls it when it ends, so it leaves no socket open).</summary>
    void ReleaseIdleSockets();
}
