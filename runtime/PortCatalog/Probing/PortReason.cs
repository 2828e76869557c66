namespace PortCatalog;

/// <summary>
/// Why a probe concluded what it did: the answer (or the silence) behind a <see cref="PortState"/>, in nmap's
/// <c>--reason</c> vocabulary where nmap has a word for it (see <see cref="PortReasonExtensions.ToNmapName(PortReason)"/>).
/// </summary>
public enum PortReason
{
    /// <summary>No reason recorded (the default value of an uninitialised result).</summary>
    None = 0,

    /// <summary>TCP: the connection was accepted (the handshake's SYN/ACK arrived). nmap: <c>syn-ack</c>.</summary>
    SynAck = 1,

    /// <summary>TCP: the connect was refused by a reset. nmap: <c>conn-refused</c>.</summary>
    ConnRefused = 2,

    /// <summary>TCP: the peer reset a connection that had been set up. nmap: <c>reset</c>.</summary>
    Reset = 3,

    /// <summary>UDP: the port answered with a datagram. nmap: <c>udp-response</c>.</summary>
    UdpResponse = 4,

    /// <summary>ICMP port unreachable (ICMPv6 code 4): nothing listens on the port. nmap: <c>port-unreach</c>.</summary>
    PortUnreach = 5,

    /// <summary>ICMP host unreachable (also host unknown, isolated, TOS, ICMPv6 address unreachable, beyond scope). nmap: <c>host-unreach</c>.</summary>
    HostUnreach = 6,

    /// <summary>ICMP network unreachable (also network unknown, TOS, ICMPv6 no route), or no local route. nmap: <c>net-unreach</c>.</summary>
    NetUnreach = 7,

    /// <summary>ICMP protocol unreachable: the host does not speak the transport. nmap: <c>proto-unreach</c>.</summary>
    ProtoUnreach = 8,

    /// <summary>ICMP communication administratively prohibited (ICMPv6 code 1, 5, 6; or a local firewall's EACCES/EPERM). nmap: <c>admin-prohibited</c>.</summary>
    AdminProhibited = 9,

    /// <summary>ICMP host administratively prohibited (type 3 code 10). nmap: <c>host-prohibited</c>.</summary>
    HostProhibited = 10,

    /// <summary>ICMP network administratively prohibited (type 3 code 9). nmap: <c>net-prohibited</c>.</summary>
    NetProhibited = 11,

    /// <summary>ICMP time exceeded in transit. nmap: <c>time-exceeded</c>.</summary>
    TimeExceeded = 12,

    /// <summary>No answer before the timeout (after the retries). nmap: <c>no-response</c>.</summary>
    NoResponse = 13,

    /// <summary>
    /// The probe's socket connected to itself (on loopback the kernel can pick the probed port as the source port), so
    /// nothing listens there: reported <see cref="PortState.Closed"/>. Not one of nmap's words: <c>self-connect</c>.
    /// </summary>
    SelfConnect = 14,

    /// <summary>
    /// An error the network returned that has no better name (an ICMP type this table does not know, a fragmentation
    /// or parameter problem): reported <see cref="PortState.Filtered"/>. nmap: <c>unknown-response</c>.
    /// </summary>
    UnknownResponse = 15,
}
