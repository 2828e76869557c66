namespace PortCatalog;

/// <summary>The state of a port as a probe observed it, with the meaning port scanners give these words.</summary>
public enum PortState
{
    /// <summary>The port accepted a TCP connection, or a UDP probe got a reply.</summary>
    Open = 1,

    /// <summary>The host answered that nothing listens: a TCP reset (ECONNREFUSED) or an ICMP port-unreachable for UDP.</summary>
    Closed = 2,

    /// <summary>No answer before the timeout, or an ICMP or routing error (host/network unreachable, prohibited).</summary>
    Filtered = 3,

    /// <summary>UDP only: no reply and no ICMP error before the timeout; the port is open and silent, or filtered.</summary>
    OpenOrFiltered = 4,
}
