using System;

namespace PortCatalog.Identification;

/// <summary>
/// Which protocol a catalog entry's service speaks, in the names identification reports, so an identity can be held
/// against the catalog: the catalog names a port by its registration (<c>http-alt</c> on 8080, <c>submission</c> on
/// 587), identification by what answers (<c>http</c>, <c>smtp</c>).
/// </summary>
internal static class CatalogProtocols
{
    /// <summary>The protocol identification reports for a service the catalog registers; the name itself unless listed.</summary>
    public static string ProtocolOf(string catalogService) => catalogService.ToLowerInvariant() switch
    {
        "http-alt" or "www" or "www-http" or "http-proxy" or "aspnetcore-http" or "grafana" or "jupyter"
            or "elasticsearch" or "minio" or "prometheus" => "http",
        "https-alt" or "kube-apiserver" => "https",
        "submission" => "smtp",
        "vnc" => "rfb",
        "mariadb" => "mysql",
        "memcached" => "memcache",
        "dns" => "domain",
        var name => name,
    };

    /// <summary>Whether <paramref name="identified"/> is what <paramref name="catalogService"/> speaks; null when either is unknown.</summary>
    public static bool? Matches(string? identified, string? catalogService)
        => identified is null || catalogService is null
            ? null
            : string.Equals(ProtocolOf(catalogService), identified, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether TCP identification can ever report what <paramref name="service"/> (a catalog name) speaks.</summary>
    public static bool IsIdentifiableOverTcp(string service)
    {
        var protocol = ProtocolOf(service.Trim());
        foreach (var known in ServiceProbeTable.TcpServices)
        {
            if (string.Equals(known, protocol, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
