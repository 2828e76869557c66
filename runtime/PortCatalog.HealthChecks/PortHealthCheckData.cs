namespace PortCatalog.HealthChecks;

/// <summary>The keys a <see cref="PortHealthCheck"/> puts in <c>HealthCheckResult.Data</c>; stable, for dashboards and tests.</summary>
public static class PortHealthCheckData
{
    /// <summary>The host as configured (string).</summary>
    public const string Host = "host";

    /// <summary>The port (int).</summary>
    public const string Port = "port";

    /// <summary>The address probed last, or that accepted (string); absent when the name did not resolve.</summary>
    public const string Address = "address";

    /// <summary>
    /// The outcome (string): a <see cref="PortState"/> name (<c>Open</c>, <c>Closed</c>, <c>Filtered</c>) or
    /// <c>NameNotResolved</c>.
    /// </summary>
    public const string State = "state";

    /// <summary>
    /// Why the port is in that <see cref="State"/>, in nmap's <c>--reason</c> words (string): <c>syn-ack</c>,
    /// <c>conn-refused</c>, <c>no-response</c>, <c>host-unreach</c>, ...; absent when the name did not resolve.
    /// </summary>
    public const string Reason = "reason";

    /// <summary>
    /// The service that answered, in the catalog's naming (string), when an <see cref="ExpectedService"/> was configured
    /// and the port was open; absent when nothing was recognised (the description then says what was seen).
    /// </summary>
    public const string Service = "service";

    /// <summary>The service the check expects (<see cref="PortHealthCheckOptions.ExpectedService"/>, string); absent when none is configured.</summary>
    public const string ExpectedService = "expectedService";

    /// <summary>How long the check took, name resolution and identification included (<see cref="System.TimeSpan"/>).</summary>
    public const string Latency = "latency";

    /// <summary>The <see cref="State"/> value for a host name that did not resolve.</summary>
    public const string NameNotResolved = "NameNotResolved";
}
