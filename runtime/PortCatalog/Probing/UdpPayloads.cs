using System;

namespace PortCatalog.Probing;

/// <summary>
/// Built-in UDP probe payloads for services that answer only a well-formed request. An empty datagram gets no reply
/// from these services, so without a payload an open port would look the same as a filtered one.
/// </summary>
/// <remarks>
/// Each payload is the smallest request its protocol specification defines that a server answers, written here from
/// the specification. The arrays are static and never handed out as arrays, so callers cannot change them and a call
/// allocates nothing.
/// </remarks>
internal static class UdpPayloads
{
    // The literal ports here are the protocols' own assignments; the generated catalog may not exist yet when this compiles.
    private const int DnsPort = 53;
    private const int NtpPort = 123;
    private const int SnmpPort = 161;

    /// <summary>
    /// A DNS query (RFC 1035 section 4.1) for the name servers of the root: <c>. NS IN</c>. Recursion is not desired,
    /// so a resolver answers from what it knows (or refuses); any answer is a reply.
    /// </summary>
    private static readonly byte[] s_dnsRootNameServersQuery =
    [
        0x50, 0x43,             // ID: arbitrary, echoed by the server ("PC")
        0x00, 0x00,             // QR=0 (query), OPCODE=0 (standard query), AA=0, TC=0, RD=0, RA=0, Z=0, RCODE=0
        0x00, 0x01,             // QDCOUNT: one question
        0x00, 0x00,             // ANCOUNT
        0x00, 0x00,             // NSCOUNT
        0x00, 0x00,             // ARCOUNT
        0x00,                   // QNAME: the root, a single zero-length label
        0x00, 0x02,             // QTYPE: NS
        0x00, 0x01,             // QCLASS: IN
    ];

    /// <summary>
    /// An NTP client request (RFC 5905 section 7.3): 48 bytes, LI=0 (no warning), VN=4, Mode=3 (client). RFC 4330
    /// section 5 allows every other field of a client request to be zero; the server answers in mode 4.
    /// </summary>
    private static readonly byte[] s_ntpClientRequest = CreateNtpClientRequest();

    /// <summary>
    /// An SNMPv1 GetRequest (RFC 1157 section 4.1.2) for sysDescr.0 (1.3.6.1.2.1.1.1.0, RFC 1213) with the community
    /// "public", BER-encoded (X.690). SNMPv2c agents accept version 1 messages with the same community.
    /// </summary>
    private static readonly byte[] s_snmpGetSysDescr =
    [
        0x30, 0x29,                                         // Message: SEQUENCE, 41 bytes
        0x02, 0x01, 0x00,                                   //   version: INTEGER 0 (SNMPv1)
        0x04, 0x06, 0x70, 0x75, 0x62, 0x6C, 0x69, 0x63,     //   community: OCTET STRING "public"
        0xA0, 0x1C,                                         //   data: GetRequest-PDU ([0] IMPLICIT), 28 bytes
        0x02, 0x04, 0x50, 0x43, 0x41, 0x54,                 //     request-id: INTEGER ("PCAT")
        0x02, 0x01, 0x00,                                   //     error-status: INTEGER 0 (noError)
        0x02, 0x01, 0x00,                                   //     error-index: INTEGER 0
        0x30, 0x0E,                                         //     variable-bindings: SEQUENCE OF, 14 bytes
        0x30, 0x0C,                                         //       VarBind: SEQUENCE, 12 bytes
        0x06, 0x08, 0x2B, 0x06, 0x01, 0x02, 0x01, 0x01, 0x01, 0x00, // name: OBJECT IDENTIFIER 1.3.6.1.2.1.1.1.0
        0x05, 0x00,                                         //         value: NULL (a get asks, it does not set)
    ];

    /// <summary>The payload to send to <paramref name="port"/>, or an empty one when the service needs none.</summary>
    public static ReadOnlyMemory<byte> ForPort(int port) => port switch
    {
        DnsPort => s_dnsRootNameServersQuery,
        NtpPort => s_ntpClientRequest,
        SnmpPort => s_snmpGetSysDescr,
        _ => ReadOnlyMemory<byte>.Empty,
    };

    private static byte[] CreateNtpClientRequest()
    {
        const int LeapIndicatorNone = 0;
        const int Version = 4;
        const int ModeClient = 3;

        var packet = new byte[48];
        packet[0] = (byte)((LeapIndicatorNone << 6) | (Version << 3) | ModeClient);
        return packet;
    }
}
