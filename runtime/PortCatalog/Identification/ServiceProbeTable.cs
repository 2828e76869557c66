using System;
using System.Collections.Generic;
using System.Text;
using PortCatalog.Probing;

namespace PortCatalog.Identification;

/// <summary>
/// The identification data: every probe (exactly what it sends) and every response pattern (what an answer means), in
/// the project's own words, written from the protocols' specifications and from what real servers were seen to answer.
/// docs/identification.md documents the same table, and a test keeps the two in step.
/// </summary>
/// <remarks>
/// Every probe is read-only: it asks a question a client asks before logging in (or none at all), never authenticates,
/// writes, subscribes, publishes or runs a command that changes the server's state. Where the protocol has a polite way
/// to leave (<c>QUIT</c>, <c>LOGOUT</c>, MQTT DISCONNECT, LDAP unbind) it is sent before the connection is closed.
/// </remarks>
internal static class ServiceProbeTable
{
    /// <summary>The longest a pattern may run on one answer: the patterns are ours, but the answers are not.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>The greeting probe's name.</summary>
    public const string GreetingProbe = "greeting";

    /// <summary>The TLS probe's name.</summary>
    public const string TlsProbe = "tls";

    /// <summary>
    /// A DNS query (RFC 1035 4.1) for <c>version.bind</c>, class CHAOS, type TXT: the conventional question a name server
    /// answers with its software and version (or refuses; any answer is a DNS answer). ID "PC", recursion not desired.
    /// </summary>
    private static readonly byte[] s_dnsVersionQuery =
    [
        0x50, 0x43,                                     // ID "PC", echoed in the answer
        0x00, 0x00,                                     // a standard query, recursion not desired
        0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // one question, no other records
        0x07, (byte)'v', (byte)'e', (byte)'r', (byte)'s', (byte)'i', (byte)'o', (byte)'n',
        0x04, (byte)'b', (byte)'i', (byte)'n', (byte)'d',
        0x00,                                           // QNAME version.bind.
        0x00, 0x10,                                     // QTYPE TXT
        0x00, 0x03,                                     // QCLASS CH (CHAOS)
    ];

    /// <summary>The probes, in the order tried when the catalog expects nothing in particular (after the greeting).</summary>
    public static IReadOnlyList<ServiceProbe> TcpProbes { get; } =
    [
        new(GreetingProbe, ProbeKind.Listen, Transport.Tcp, [], ["ssh", "ftp", "smtp", "submission", "pop3", "imap", "mysql", "rfb"],
            "nothing: connects and listens for the service's greeting"),
        new(TlsProbe, ProbeKind.Tls, Transport.Tcp, [], ["https", "imaps", "pop3s", "submissions", "ldaps", "ftps", "secure-mqtt"],
            "a TLS ClientHello (the platform's own, through SslStream; no certificate is validated, no client certificate is offered); "
            + "inside TLS it listens for a greeting, then sends the http-get request"),
        new("http-get", ProbeKind.Send, Transport.Tcp, Ascii("GET / HTTP/1.0\r\n\r\n"), ["http"],
            "`GET / HTTP/1.0` and an empty line: the site's front page, the request every browser makes"),
        new("redis-ping", ProbeKind.Send, Transport.Tcp, Ascii("PING\r\nINFO server\r\n"), ["redis"],
            "the inline commands `PING` and `INFO server` (both read-only; a server that requires a password refuses both)"),
        new("postgresql-sslrequest", ProbeKind.Send, Transport.Tcp, [0x00, 0x00, 0x00, 0x08, 0x04, 0xD2, 0x16, 0x2F], ["postgresql"],
            "a PostgreSQL SSLRequest (length 8, code 80877103): asks whether the server speaks TLS; it answers one byte, `S` or `N`"),
        new("memcache-version", ProbeKind.Send, Transport.Tcp, Ascii("version\r\n"), ["memcache"],
            "the memcached text command `version`"),
        new("mqtt-connect", ProbeKind.Send, Transport.Tcp, MqttConnect(), ["mqtt"],
            "an MQTT 3.1.1 CONNECT with a clean session, client id `portcatalog`, no user name or password; "
            + "after the CONNACK it sends DISCONNECT. Nothing is subscribed or published"),
        new("dns-version", ProbeKind.Send, Transport.Tcp, WithLengthPrefix(s_dnsVersionQuery), ["domain"],
            "a DNS query over TCP (2-byte length, then the message) for `version.bind` TXT in class CHAOS"),
        new("ldap-rootdse", ProbeKind.Send, Transport.Tcp, LdapRootDseSearch(), ["ldap"],
            "an LDAPv3 SearchRequest for the root DSE (base \"\", scope base, filter `(objectClass=*)`), without a bind; "
            + "then an UnbindRequest"),
    ];

    /// <summary>The UDP probes, in the order tried when the port's own protocol is not among them.</summary>
    public static IReadOnlyList<ServiceProbe> UdpProbes { get; } =
    [
        new("dns-version-udp", ProbeKind.Send, Transport.Udp, s_dnsVersionQuery, ["domain"],
            "the dns-version query in one datagram"),
        new("ntp-client", ProbeKind.Send, Transport.Udp, UdpPayloads.ForPort(123).ToArray(), ["ntp"],
            "an NTPv4 client request (48 bytes, mode 3, all else zero), as the UDP scan sends"),
        new("snmp-get-sysdescr", ProbeKind.Send, Transport.Udp, UdpPayloads.ForPort(161).ToArray(), ["snmp"],
            "an SNMPv1 GetRequest for sysDescr.0 with the community `public`, as the UDP scan sends"),
    ];

    /// <summary>
    /// The response patterns, tried in order on every answer; the first match wins. Each is written to need its
    /// protocol's terminator or structure, so half an answer does not match something else.
    /// </summary>
    public static IReadOnlyList<ResponsePattern> Patterns { get; } =
    [
        // SSH (RFC 4253 4.2): "SSH-protoversion-softwareversion SP comments CR LF".
        new("ssh", @"^SSH-\d+\.\d+-OpenSSH_(?<version>[^\s-]+)", product: "OpenSSH"),
        new("ssh", @"^SSH-\d+\.\d+-dropbear_(?<version>[^\s-]+)", product: "Dropbear"),
        new("ssh", @"^SSH-\d+\.\d+-(?<product>[^\s-]+)[\s\S]*?\n"),
        // FTP (RFC 959 4.2): a 220 reply; vsftpd puts its name and version in parentheses.
        new("ftp", @"^220 \(vsFTPd (?<version>[\d.]+)\)\r?\n", product: "vsftpd"),
        new("ftp", @"^500 OOPS: (?:vsftpd|[^\r\n]*\bvsf_)", product: "vsftpd"), // vsftpd refusing its own configuration
        new("ftp", @"^220[- ][^\r\n]*ProFTPD(?: (?<version>[\d.]+[a-z]?))?", product: "ProFTPD"),
        new("ftp", @"^220[- ][^\r\n]*\bFTP\b[^\r\n]*\r?\n"),
        // SMTP (RFC 5321 4.2): a 220 reply naming (E)SMTP.
        new("smtp", @"^220[- ][^\r\n]*\bE?SMTP Exim (?<version>[\d.]+)", product: "Exim"),
        new("smtp", @"^220[- ][^\r\n]*\bE?SMTP (?<product>Postfix|Sendmail|OpenSMTPD)\b"),
        new("smtp", @"^220[- ][^\r\n]*\bE?SMTP\b[^\r\n]*\r?\n"),
        // A bare 220 is an FTP or an SMTP server: the catalog's entry for the port decides, FTP otherwise.
        new("ftp", @"^220[- ][^\r\n]*\r?\n", sameAnswer: ["smtp"]),
        // POP3 (RFC 1939 4): "+OK" greeting. IMAP (RFC 9051 7.1): "* OK" or "* PREAUTH" greeting.
        new("pop3", @"^\+OK [^\r\n]*Dovecot", product: "Dovecot"),
        new("pop3", @"^\+OK[^\r\n]*\r?\n"),
        new("imap", @"^\* OK [^\r\n]*Dovecot", product: "Dovecot"),
        // Dovecot's login process says this before its greeting while its authentication process has not answered
        // (after 10 s in Dovecot 2.3), as nmap's match for it also knows; the greeting follows once that process answers.
        new("imap", @"^\* OK Waiting for authentication process to respond\.\.\r\n", product: "Dovecot"),
        new("imap", @"^\* (?:OK|PREAUTH)\b[^\r\n]*\r?\n"),
        // MySQL/MariaDB handshake: 3-byte length, sequence 0, protocol 10, NUL-terminated server version. MariaDB 10
        // prefixes "5.5.5-" for old clients. An error packet (0xFF) names the server in its message.
        new("mysql", @"^[\s\S]{3}\x00\x0A(?:5\.5\.5-)?(?<version>\d+\.\d+\.\d+)-MariaDB", product: "MariaDB"),
        new("mysql", @"^[\s\S]{3}\x00\x0A(?<version>\d+\.\d+\.\d+)[^\x00]*\x00", product: "MySQL"),
        new("mysql", @"^[\s\S]{3}\x00\xFF[\s\S]{2}[^\x00]*(?:MySQL|MariaDB)"),
        // VNC (RFC 6143 7.1.1): "RFB 003.008\n".
        new("rfb", @"^RFB \d{3}\.\d{3}\n"),
        // An HTTPS port answering a plain request (nginx says so in its 400 page) is an HTTPS server, whatever else answers.
        new("https", @"^HTTP/\d\.\d 400 [^\r\n]*\r\n(?:[^\r\n]+\r\n)*?[Ss]erver: *(?<product>[^\r\n/ ]+)(?:/(?<version>[^\s(]+))?[\s\S]*?The plain HTTP request was sent to HTTPS port"),
        // HTTP (RFC 9112 4): a status line; the Server header, when sent, names the product.
        new("http", @"^HTTP/\d\.\d \d{3}[^\r\n]*\r\n(?:[^\r\n]+\r\n)*?[Ss]erver: *(?<product>[^\r\n/ ]+)(?:/(?<version>[^\s(]+))?"),
        new("http", @"^HTTP/\d\.\d \d{3}[^\r\n]*\r\n(?:[^\r\n]*\r\n)*?\r\n"),
        // Redis (RESP): PONG (or a refusal that names Redis' authentication); INFO server gives the version.
        new("redis", @"^\+PONG\r\n[\s\S]*?redis_version:(?<version>[\d.]+)", product: "Redis"),
        new("redis", @"^(?:\+PONG\r\n|-NOAUTH |-DENIED Redis)", product: "Redis"),
        // Redis answers the http-get request's inline GET with two arguments, and other probes' unknown commands, this way.
        new("redis", @"^-ERR wrong number of arguments for 'get' command\r\n", product: "Redis"),
        new("redis", @"^-ERR unknown command [`'][^\r\n]*, with args beginning with:", product: "Redis"),
        // PostgreSQL: one byte, S or N, answers an SSLRequest; an ErrorResponse ('E') with severity FATAL answers garbage.
        new("postgresql", @"^[SN]$", product: "PostgreSQL", onlyAfter: "postgresql-sslrequest"),
        new("postgresql", @"^E\x00\x00[\s\S]{2}S(?:FATAL|ERROR)\x00", product: "PostgreSQL"),
        // memcached: "VERSION x.y.z".
        new("memcache", @"^VERSION (?<version>\d[\w.-]*)\r\n", product: "memcached"),
        // MQTT 3.1.1 CONNACK (3.2): 0x20, remaining length 2, session-present flag, return code 0-5.
        new("mqtt", @"^\x20\x02[\x00\x01][\x00-\x05]", onlyAfter: "mqtt-connect"),
        // DNS: our ID "PC" echoed with QR=1. dnsmasq and BIND name themselves in the version.bind TXT answer.
        new("domain", @"^[\s\S]{2}PC[\x80-\xFF][\s\S]*?dnsmasq-(?<version>[\d.]+)", product: "dnsmasq", onlyAfter: "dns-version"),
        new("domain", @"^[\s\S]{2}PC[\x80-\xFF][\s\S]*?(?<version>9\.\d+\.\d+)", product: "BIND", onlyAfter: "dns-version"),
        new("domain", @"^[\s\S]{2}PC[\x80-\xFF]", onlyAfter: "dns-version"),
        new("domain", @"^PC[\x80-\xFF][\s\S]*?dnsmasq-(?<version>[\d.]+)", product: "dnsmasq", onlyAfter: "dns-version-udp"),
        new("domain", @"^PC[\x80-\xFF]", onlyAfter: "dns-version-udp"),
        // LDAP (RFC 4511): an LDAPMessage SEQUENCE with our message id 7 and a SearchResultEntry/Done (or a Notice of Disconnection).
        new("ldap", @"^\x30(?:[\x00-\x7F]|\x81[\s\S]|\x82[\s\S]{2}|\x84[\s\S]{4})\x02\x01(?:\x07[\x64\x65]|\x00\x78)", onlyAfter: "ldap-rootdse"),
        // NTP (RFC 5905 7.3): 48 bytes or more, mode 4 (server) in the low three bits of the first byte.
        new("ntp", @"^[\x04\x0C\x14\x1C\x24\x2C\x34\x3C\x44\x4C\x54\x5C\x64\x6C\x74\x7C\x84\x8C\x94\x9C\xA4\xAC\xB4\xBC\xC4\xCC\xD4\xDC\xE4\xEC\xF4\xFC][\s\S]{47}", onlyAfter: "ntp-client"),
        // SNMP (RFC 1157): a Message SEQUENCE, version 0/1, a community, then a GetResponse-PDU ([2], 0xA2).
        new("snmp", @"^\x30[\s\S]{1,4}\x02\x01[\x00\x01]\x04[\s\S]*?\xA2", onlyAfter: "snmp-get-sysdescr"),
    ];

    /// <summary>
    /// The services TCP identification can report, sorted: every service a pattern recognises over TCP (not only after a
    /// UDP probe), and the TLS name of each.
    /// </summary>
    public static IReadOnlyList<string> TcpServices { get; } = CollectTcpServices();

    /// <summary>The TLS name of a protocol found inside TLS, in the catalog's naming; a protocol not listed keeps its name.</summary>
    public static string TlsName(string plainService) => plainService switch
    {
        "http" => "https",
        "imap" => "imaps",
        "pop3" => "pop3s",
        "smtp" => "submissions",
        "ldap" => "ldaps",
        "ftp" => "ftps",
        "mqtt" => "secure-mqtt",
        _ => plainService,
    };

    /// <summary>What a client says before it leaves a service it identified, so the server sees a proper goodbye; may be empty.</summary>
    public static ReadOnlyMemory<byte> Goodbye(string plainService) => plainService switch
    {
        "ftp" or "smtp" or "pop3" => s_quit,
        "imap" => s_imapLogout,
        "mqtt" => s_mqttDisconnect,
        "ldap" => s_ldapUnbind,
        _ => ReadOnlyMemory<byte>.Empty,
    };

    private static readonly byte[] s_quit = Ascii("QUIT\r\n");
    private static readonly byte[] s_imapLogout = Ascii("pc1 LOGOUT\r\n");
    private static readonly byte[] s_mqttDisconnect = [0xE0, 0x00];
    private static readonly byte[] s_ldapUnbind = [0x30, 0x05, 0x02, 0x01, 0x08, 0x42, 0x00]; // message 8: UnbindRequest

    /// <summary>The probe with this name, or null.</summary>
    public static ServiceProbe? Find(string name)
    {
        foreach (var probe in TcpProbes)
        {
            if (probe.Name == name)
            {
                return probe;
            }
        }

        foreach (var probe in UdpProbes)
        {
            if (probe.Name == name)
            {
                return probe;
            }
        }

        return null;
    }

    private static string[] CollectTcpServices()
    {
        var services = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var pattern in Patterns)
        {
            if (pattern.OnlyAfter is null || Find(pattern.OnlyAfter)?.Transport == Transport.Tcp)
            {
                services.Add(pattern.Service);
                services.Add(TlsName(pattern.Service));
            }
        }

        return [.. services];
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] WithLengthPrefix(byte[] message)
    {
        var framed = new byte[message.Length + 2];
        framed[0] = (byte)(message.Length >> 8);
        framed[1] = (byte)message.Length;
        message.CopyTo(framed, 2);
        return framed;
    }

    /// <summary>MQTT 3.1.1 CONNECT (section 3.1): protocol "MQTT" level 4, clean session, keep-alive 10 s, client id "portcatalog".</summary>
    private static byte[] MqttConnect()
    {
        var clientId = Ascii("portcatalog");
        var variableHeader = new byte[] { 0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x04, 0x02, 0x00, 0x0A };
        var packet = new List<byte> { 0x10, (byte)(variableHeader.Length + 2 + clientId.Length) };
        packet.AddRange(variableHeader);
        packet.Add(0x00);
        packet.Add((byte)clientId.Length);
        packet.AddRange(clientId);
        return packet.ToArray();
    }

    /// <summary>
    /// LDAPv3 SearchRequest (RFC 4511 4.5.1), message id 7: base object "", scope baseObject, never deref, no size or
    /// time limit, types and values, filter present(objectClass), all user attributes. BER, definite short lengths.
    /// </summary>
    private static byte[] LdapRootDseSearch()
    {
        var objectClass = Ascii("objectClass");
        var search = new List<byte>
        {
            0x04, 0x00,       // baseObject: ""
            0x0A, 0x01, 0x00, // scope: baseObject
            0x0A, 0x01, 0x00, // derefAliases: neverDerefAliases
            0x02, 0x01, 0x00, // sizeLimit: 0
            0x02, 0x01, 0x00, // timeLimit: 0
            0x01, 0x01, 0x00, // typesOnly: FALSE
            0x87, (byte)objectClass.Length, // filter: present [7] "objectClass"
        };
        search.AddRange(objectClass);
        search.AddRange(new byte[] { 0x30, 0x00 }); // attributes: none listed (all user attributes)

        var message = new List<byte> { 0x02, 0x01, 0x07, 0x63, (byte)search.Count }; // messageID 7, [APPLICATION 3] SearchRequest
        message.AddRange(search);
        message.Insert(0, (byte)message.Count);
        message.Insert(0, 0x30);
        return message.ToArray();
    }
}
