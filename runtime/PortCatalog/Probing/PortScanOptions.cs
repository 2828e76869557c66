using System;
using PortCatalog.Probing;

namespace PortCatalog;

/// <summary>How a <see cref="PortScanner"/> scans. Immutable once built; invalid values throw when set, naming the property.</summary>
public sealed class PortScanOptions
{
    private readonly int _window = 1024;
    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(1);
    private readonly int _retries = 1;
    private readonly Transport _transports = Transport.Tcp;
    private readonly TimeSpan _identificationTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The most probes in flight at once (default 1024). Each holds a socket, so the scanner lowers it to fit the
    /// process's file-descriptor limit (RLIMIT_NOFILE) rather than fail with "too many open files".
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int Window
    {
        get => _window;
        init => _window = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(Window), value, "The window must be at least 1.");
    }

    /// <summary>How long each probe waits for an answer (default 1 second).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan Timeout
    {
        get => _timeout;
        init
        {
            Guard.Timeout(value, nameof(Timeout));
            _timeout = value;
        }
    }

    /// <summary>
    /// Extra attempts for a port that stayed silent (<see cref="PortState.Filtered"/>, or <see cref="PortState.OpenOrFiltered"/>
    /// for UDP), since a lost packet looks like a filter (default 1).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int Retries
    {
        get => _retries;
        init => _retries = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Retries), value, "Retries cannot be negative.");
    }

    /// <summary>The transports to probe: <see cref="Transport.Tcp"/> (default), <see cref="Transport.Udp"/>, or both.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value has neither TCP nor UDP, or another transport.</exception>
    public Transport Transports
    {
        get => _transports;
        init => _transports = value != Transport.None && (value & ~(Transport.Tcp | Transport.Udp)) == 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Transports), value, "A scan probes TCP, UDP, or both.");
    }

    /// <summary>
    /// Whether a UDP scan adapts to ICMP rate limiting (default true). Hosts send at most a few ICMP errors a second
    /// (Linux: a burst of 6, then one a second per destination), so over a real link most closed UDP ports of a fast scan
    /// get no "port unreachable" and look <see cref="PortState.OpenOrFiltered"/>. When true, the UDP ports that stayed
    /// silent on a host that answered others with port unreachable are asked again at the end, one at a time per host,
    /// as nmap slows down when answers stop: about one second per closed port beyond the burst, but the states are right.
    /// Set it to false to finish fast and accept that closed ports may show as <see cref="PortState.OpenOrFiltered"/>.
    /// </summary>
    public bool AdaptToIcmpRateLimit { get; init; } = true;

    /// <summary>The engine that sends probes (default: the fastest for this platform).</summary>
    public ProbeEngineKind Engine { get; init; }

    /// <summary>
    /// When false (the default) the result stream carries only ports worth reporting, <see cref="PortState.Open"/> and
    /// <see cref="PortState.OpenOrFiltered"/>; when true it carries every probed port. The summary counts all states either way.
    /// </summary>
    public bool ReportAllStates { get; init; }

    /// <summary>
    /// When true, every open port (TCP, and UDP ports that replied) is identified with
    /// <see cref="PortProbe.IdentifyAsync(System.Net.IPAddress, int, TimeSpan, System.Threading.CancellationToken)"/> and its
    /// result carries the <see cref="PortResult.Identity"/>. Default false.
    /// </summary>
    public bool IdentifyServices { get; init; }

    /// <summary>How long the identification of one open port may take, when <see cref="IdentifyServices"/> is on (default 2 seconds).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan IdentificationTimeout
    {
        get => _identificationTimeout;
        init
        {
            Guard.Timeout(value, nameof(IdentificationTimeout));
            _identificationTimeout = value;
        }
    }
}
