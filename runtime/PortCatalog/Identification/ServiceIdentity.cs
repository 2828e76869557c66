using System.Collections.Generic;
using System.Text;
using PortCatalog.Identification;

namespace PortCatalog;

/// <summary>
/// What answers on a port, as found by <see cref="PortProbe.IdentifyAsync(System.Net.IPAddress, int, System.TimeSpan, System.Threading.CancellationToken)"/>:
/// the service in the catalog's naming, the product and version when the service says them, whether TLS wrapped it, a
/// printable excerpt of what it said, how it was recognised, and whether it is what the catalog registers for the port.
/// </summary>
/// <remarks>
/// An unrecognised service has a null <see cref="Service"/>, <see cref="Method"/> <see cref="IdentificationMethod.None"/>,
/// and a <see cref="Detail"/> that says what each probe saw (silence, an immediate close, bytes nothing recognises).
/// </remarks>
public sealed record ServiceIdentity
{
    /// <summary>The port that was identified.</summary>
    public int Port { get; init; }

    /// <summary>The transport that was identified: <see cref="PortCatalog.Transport.Tcp"/> or <see cref="PortCatalog.Transport.Udp"/>.</summary>
    public Transport Transport { get; init; }

    /// <summary>
    /// The service that answered, in the catalog's naming (<c>ssh</c>, <c>http</c>, <c>https</c>, <c>imaps</c>,
    /// <c>postgresql</c>, <c>mysql</c>, <c>memcache</c>, <c>rfb</c>, <c>domain</c>, ...), or null when nothing was recognised.
    /// A protocol inside TLS gets its TLS name (<c>http</c> → <c>https</c>, <c>imap</c> → <c>imaps</c>).
    /// </summary>
    public string? Service { get; init; }

    /// <summary>The product, when the service names it (<c>OpenSSH</c>, <c>nginx</c>, <c>MariaDB</c>); otherwise null.</summary>
    public string? Product { get; init; }

    /// <summary>The product's version, when the service says it (<c>9.2p1</c>, <c>1.22.1</c>); otherwise null.</summary>
    public string? Version { get; init; }

    /// <summary>Whether the service answered inside TLS (the handshake succeeded; certificates are not validated).</summary>
    public bool Tls { get; init; }

    /// <summary>
    /// The start of what the service said, printable: ASCII as is, <c>\r</c> <c>\n</c> <c>\t</c> escaped, other bytes as
    /// <c>\xNN</c>, at most <see cref="MaxExcerptLength"/> characters. Empty when it said nothing.
    /// </summary>
    public string Excerpt { get; init; } = string.Empty;

    /// <summary>How the service was recognised.</summary>
    public IdentificationMethod Method { get; init; }

    /// <summary>The name of the probe whose answer was recognised (<c>greeting</c>, <c>http-get</c>, <c>redis-ping</c>, ...; see docs/identification.md), or null.</summary>
    public string? Probe { get; init; }

    /// <summary>The service the catalog registers on this port and transport, or null when the catalog has no entry.</summary>
    public string? CatalogService { get; init; }

    /// <summary>
    /// Whether the service that answered is the one the catalog registers for this port (a protocol matches every catalog
    /// name that speaks it: <c>http</c> matches <c>http-alt</c> on 8080). Null when either side is unknown.
    /// </summary>
    public bool? MatchesCatalog { get; init; }

    /// <summary>One line for people: how the service was recognised, or, for an unknown one, what each probe saw.</summary>
    public string Detail { get; init; } = string.Empty;

    /// <summary>Whether a service was recognised (<see cref="Service"/> is not null).</summary>
    public bool IsIdentified => Service is not null;

    /// <summary>
    /// The services TCP identification can recognise, in the catalog's naming and sorted (<c>ftp</c>, <c>http</c>,
    /// <c>https</c>, <c>postgresql</c>, <c>redis</c>, <c>ssh</c>, ...): the names an expected service
    /// (<see cref="PortWaitOptions.ExpectedService"/>) may be, besides the catalog names that speak one of them.
    /// </summary>
    public static IReadOnlyList<string> KnownTcpServices => ServiceProbeTable.TcpServices;

    /// <summary>
    /// Whether TCP identification can ever report <paramref name="service"/>: one of <see cref="KnownTcpServices"/>, or a
    /// catalog name that speaks one of them (<c>http-alt</c>, <c>mariadb</c>, <c>memcached</c>), case-insensitive.
    /// </summary>
    /// <param name="service">A service name in the catalog's naming.</param>
    /// <returns>True when identification can recognise it; false for a service it has no probe or pattern for (<c>telnet</c>) or a blank name.</returns>
    public static bool IsKnownTcpService(string? service)
        => !string.IsNullOrWhiteSpace(service) && CatalogProtocols.IsIdentifiableOverTcp(service!);

    /// <summary>
    /// Whether the service that answered is <paramref name="service"/>, compared as <see cref="MatchesCatalog"/> compares:
    /// a protocol matches every catalog name that speaks it (<c>http</c> is <c>http-alt</c>, <c>mysql</c> is <c>mariadb</c>),
    /// case-insensitive. False when nothing was recognised.
    /// </summary>
    /// <param name="service">A service name in the catalog's naming, such as <c>postgresql</c> or <c>redis</c>.</param>
    /// <returns>True when what answered speaks <paramref name="service"/>.</returns>
    public bool Is(string service) => CatalogProtocols.Matches(Service, service) == true;

    /// <summary>What answered as a short phrase for messages: <c>redis (Redis 7.0.15)</c>, or what was seen when nothing was recognised.</summary>
    internal string Answered
    {
        get
        {
            if (Service is null)
            {
                return Detail.StartsWith(ServiceIdentifier.NotRecognised, System.StringComparison.Ordinal) ? Detail.Substring(ServiceIdentifier.NotRecognised.Length) : Detail;
            }

            return ProductVersion is { } productVersion ? $"{Service} ({productVersion})" : Service;
        }
    }

    /// <summary>The most characters <see cref="Excerpt"/> holds.</summary>
    public const int MaxExcerptLength = 80;

    /// <summary>The product and version together (<c>OpenSSH 9.2p1</c>), either alone, or null when neither is known.</summary>
    public string? ProductVersion
        => Product is null ? Version : Version is null ? Product : Product + " " + Version;

    /// <summary>A one-line summary: service, product and version, TLS, and how it compares with the catalog.</summary>
    /// <returns>For example <c>ssh (OpenSSH 9.2p1), as the catalog expects</c> or <c>unknown: silent to every probe</c>.</returns>
    public override string ToString()
    {
        if (Service is null)
        {
            return "unknown: " + Detail;
        }

        var text = new StringBuilder(Answered);
        if (MatchesCatalog == true)
        {
            text.Append(", as the catalog expects");
        }
        else if (MatchesCatalog == false)
        {
            text.Append(", where the catalog registers ").Append(CatalogService);
        }

        return text.ToString();
    }
}
