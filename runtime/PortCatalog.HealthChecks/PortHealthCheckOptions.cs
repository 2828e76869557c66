using System;

namespace PortCatalog.HealthChecks;

/// <summary>What a <see cref="PortHealthCheck"/> probes: a host, a TCP port and how long to wait for an answer.</summary>
/// <remarks>
/// Binds from configuration like any options class (<c>Host</c>, <c>Port</c>, <c>Timeout</c>, <c>ExpectedService</c>).
/// </remarks>
public sealed class PortHealthCheckOptions
{
    /// <summary>The default <see cref="Timeout"/>: 2 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    /// <summary>An IP address (IPv4, IPv6, with or without brackets) or a host name, resolved at every check.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>The TCP port, 1 to 65535; a catalog constant such as <c>WellKnownPorts.Redis</c> reads best.</summary>
    public int Port { get; set; }

    /// <summary>
    /// How long the probe waits for an answer before the port counts as filtered (unhealthy); positive. The
    /// registration's own timeout, when shorter, wins. Default <see cref="DefaultTimeout"/>.
    /// </summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>
    /// When set, the check is healthy only if the port is identified as this service (so that "PostgreSQL is up" means
    /// PostgreSQL answers, not just that something accepted a connection): a name in the catalog's naming such as
    /// <c>postgresql</c>, <c>redis</c> or <c>http</c>, compared as <see cref="ServiceIdentity.Is(string)"/> compares. The
    /// identification shares <see cref="Timeout"/> with the connection. Default null: any listener is healthy.
    /// </summary>
    public string? ExpectedService { get; set; }
}
