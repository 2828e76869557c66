using System.Net.Sockets;

namespace PortCatalog.Probing;

/// <summary>
/// The one table that turns what the operating system said about a probe into a <see cref="ProbeOutcome"/>, shared by
/// both engines: a <see cref="SocketError"/> (the Linux engine translates errno through <c>Interop.Errno</c>, the portable
/// engine gets it from System.Net.Sockets), or the ICMP type and code of an error the socket's error queue holds
/// (<c>IP_RECVERR</c>/<c>IPV6_RECVERR</c>, Linux engine). An answer from the network always becomes an outcome; only a
/// failure of this machine (<see cref="IsLocalFailure"/>) is left for the caller to throw.
/// </summary>
internal static class OutcomeClassifier
{
    /// <summary>A TCP connection was accepted.</summary>
    public static readonly ProbeOutcome Accepted = new(PortState.Open, PortReason.SynAck);

    /// <summary>A UDP datagram came back from the port.</summary>
    public static readonly ProbeOutcome Answered = new(PortState.Open, PortReason.UdpResponse);

    /// <summary>The probe's socket connected to (or heard) itself: nothing else holds the port.</summary>
    public static readonly ProbeOutcome ConnectedToItself = new(PortState.Closed, PortReason.SelfConnect);

    /// <summary>A TCP connect refused by a reset: the common closed port.</summary>
    public static readonly ProbeOutcome Refused = new(PortState.Closed, PortReason.ConnRefused);

    /// <summary>No answer before the timeout: a TCP SYN nobody answered is filtered; a silent UDP port may be open or filtered.</summary>
    public static ProbeOutcome Silence(bool isUdp) => new(isUdp ? PortState.OpenOrFiltered : PortState.Filtered, PortReason.NoResponse);

    /// <summary>
    /// True for errors about this machine rather than the probed port (descriptors, buffers, no route to choose a
    /// source address from, an address family this machine lacks): they surface as exceptions, never as a state.
    /// </summary>
    public static bool IsLocalFailure(SocketError error) => error switch
    {
        SocketError.TooManyOpenSockets => true,          // EMFILE, ENFILE
        SocketError.NoBufferSpaceAvailable => true,      // ENOBUFS, ENOMEM
        SocketError.AddressNotAvailable => true,         // EADDRNOTAVAIL: no ephemeral port or source address left
        SocketError.AddressAlreadyInUse => true,         // EADDRINUSE
        SocketError.AddressFamilyNotSupported => true,   // EAFNOSUPPORT: no IPv6 stack
        SocketError.ProtocolFamilyNotSupported => true,
        SocketError.ProtocolNotSupported => true,
        SocketError.SocketNotSupported => true,
        SocketError.InvalidArgument => true,             // EINVAL: a bug or a bad address, not an answer
        SocketError.NotSocket => true,
        SocketError.Fault => true,
        SocketError.SystemNotReady => true,
        SocketError.NotInitialized => true,
        _ => false,
    };

    /// <summary>
    /// The outcome of an error a probe's connect, send or receive reported; false (and no outcome) for a local failure.
    /// Every other error is an answer from the network, and unknown ones are <see cref="PortReason.UnknownResponse"/>.
    /// </summary>
    public static bool TryClassify(SocketError error, bool isUdp, out ProbeOutcome outcome)
    {
        if (IsLocalFailure(error))
        {
            outcome = default;
            return false;
        }

        outcome = error switch
        {
            // TCP: a reset answers the SYN. UDP: the kernel turns an ICMP port unreachable into ECONNREFUSED (Unix)
            // or WSAECONNRESET (Windows) on a connected socket.
            SocketError.ConnectionRefused => isUdp ? new(PortState.Closed, PortReason.PortUnreach) : Refused,
            SocketError.ConnectionReset => isUdp ? new(PortState.Closed, PortReason.PortUnreach) : new(PortState.Closed, PortReason.Reset),
            SocketError.HostUnreachable or SocketError.HostDown => new(PortState.Filtered, PortReason.HostUnreach),
            SocketError.NetworkUnreachable or SocketError.NetworkDown => new(PortState.Filtered, PortReason.NetUnreach),

            // ICMP protocol unreachable arrives as ENOPROTOOPT ("Protocol not available"): an answer, not a local bug.
            SocketError.ProtocolOption => new(PortState.Filtered, PortReason.ProtoUnreach),

            // ICMPv6 administratively prohibited / policy failure / reject route (EACCES), or a local firewall (EPERM).
            SocketError.AccessDenied => new(PortState.Filtered, PortReason.AdminProhibited),

            // The kernel gave up on the SYN itself (its own retransmissions ran out before our timeout).
            SocketError.TimedOut => new(PortState.Filtered, PortReason.NoResponse),

            // ICMP fragmentation needed, source route failed, parameter problem, host isolated (ENONET), ...
            _ => new(PortState.Filtered, PortReason.UnknownResponse),
        };
        return true;
    }

    /// <summary>
    /// The outcome of an ICMP (<paramref name="isIPv6"/> false) or ICMPv6 error with <paramref name="type"/> and
    /// <paramref name="code"/>, as the socket error queue reports it. Follows the codes of RFC 792/1812 and RFC 4443, and
    /// nmap's reading of them: port unreachable means closed for UDP, but filtered for TCP (a TCP port that is really
    /// closed answers with a reset; an ICMP port unreachable for a SYN comes from a firewall's reject rule).
    /// </summary>
    public static ProbeOutcome ClassifyIcmp(bool isIPv6, int type, int code, bool isUdp)
    {
        var outcome = isIPv6 ? ClassifyIcmpV6(type, code) : ClassifyIcmpV4(type, code);
        return !isUdp && outcome.Reason == PortReason.PortUnreach ? outcome with { State = PortState.Filtered } : outcome;
    }

    private static ProbeOutcome ClassifyIcmpV4(int type, int code)
    {
        const int DestinationUnreachable = 3, TimeExceededType = 11;
        if (type == TimeExceededType)
        {
            return new(PortState.Filtered, PortReason.TimeExceeded);
        }

        if (type != DestinationUnreachable)
        {
            return new(PortState.Filtered, PortReason.UnknownResponse);
        }

        return code switch
        {
            0 or 6 or 11 => new(PortState.Filtered, PortReason.NetUnreach),   // net unreachable, unknown, for TOS
            1 or 7 or 8 or 12 => new(PortState.Filtered, PortReason.HostUnreach), // host unreachable, unknown, isolated, for TOS
            2 => new(PortState.Filtered, PortReason.ProtoUnreach),
            3 => new(PortState.Closed, PortReason.PortUnreach),
            9 => new(PortState.Filtered, PortReason.NetProhibited),
            10 => new(PortState.Filtered, PortReason.HostProhibited),
            13 or 14 or 15 => new(PortState.Filtered, PortReason.AdminProhibited), // filtered, precedence violation / cutoff
            _ => new(PortState.Filtered, PortReason.UnknownResponse),          // fragmentation needed, source route failed
        };
    }

    private static ProbeOutcome ClassifyIcmpV6(int type, int code)
    {
        const int DestinationUnreachable = 1, TimeExceededType = 3;
        if (type == TimeExceededType)
        {
            return new(PortState.Filtered, PortReason.TimeExceeded);
        }

        if (type != DestinationUnreachable)
        {
            return new(PortState.Filtered, PortReason.UnknownResponse); // packet too big, parameter problem
        }

        return code switch
        {
            0 => new(PortState.Filtered, PortReason.NetUnreach),              // no route to destination
            1 or 5 or 6 => new(PortState.Filtered, PortReason.AdminProhibited), // prohibited, policy failure, reject route
            2 or 3 => new(PortState.Filtered, PortReason.HostUnreach),        // beyond scope, address unreachable
            4 => new(PortState.Closed, PortReason.PortUnreach),
            _ => new(PortState.Filtered, PortReason.UnknownResponse),
        };
    }
}
