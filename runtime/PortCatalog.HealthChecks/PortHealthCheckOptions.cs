using System;

namespace PortCatalog.HealthChecks;

/// <summary>What a <see cref="PortHealthCheck"/> probes: a host, a TCP port and how long to wait for an answer.</summary>
/// <remarks>
/// Binds from configuration like any options class (<c>Host</c>, <c>Port</c>, <c>Timeout</c>). Waiting until the port
/// is identified as an expected service (so that "PostgreSQL is up" means PostgreSQL answers) will be an option here
/// once service identification is in the library.
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
}
