using System;
using System.Collections.Generic;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PortCatalog;
using PortCatalog.HealthChecks;

// The namespace of IHealthChecksBuilder, as health-check packages do, so AddPortCheck shows up beside AddCheck.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="PortHealthCheck"/>s on an <see cref="IHealthChecksBuilder"/>.</summary>
public static class PortHealthCheckBuilderExtensions
{
    /// <summary>
    /// Adds a check named <paramref name="name"/> that is healthy while <paramref name="host"/>:<paramref name="port"/>
    /// accepts TCP connections (and, with <paramref name="expectedService"/>, answers as that service).
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name, unique among the app's checks.</param>
    /// <param name="host">An IP address or a host name.</param>
    /// <param name="port">The TCP port, 1 to 65535, such as <c>WellKnownPorts.PostgreSql</c>.</param>
    /// <param name="failureStatus">The status when the port does not accept; null for the framework's default (<see cref="HealthStatus.Unhealthy"/>).</param>
    /// <param name="tags">Tags to filter checks by (for example <c>ready</c>, for a readiness endpoint).</param>
    /// <param name="timeout">How long the check may take: the probe's timeout and the registration's; null for <see cref="PortHealthCheckOptions.DefaultTimeout"/>.</param>
    /// <param name="expectedService">The service that must answer (<c>postgresql</c>, <c>redis</c>, <c>http</c>; see <see cref="PortHealthCheckOptions.ExpectedService"/>); null: any listener is healthy.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="host"/> is empty, <paramref name="port"/> is outside 1–65535, <paramref name="timeout"/> is not positive or <paramref name="expectedService"/> is not a service identification recognises.</exception>
    public static IHealthChecksBuilder AddPortCheck(
        this IHealthChecksBuilder builder,
        string name,
        string host,
        int port,
        HealthStatus? failureStatus = default,
        IEnumerable<string>? tags = default,
        TimeSpan? timeout = default,
        string? expectedService = default)
        => AddPortCheck(builder, name, Options(host, port, timeout, expectedService), failureStatus, tags, timeout);

    /// <summary>
    /// Adds a check that is healthy while <paramref name="host"/>:<paramref name="port"/> accepts TCP connections, named
    /// after the catalog's service for the port: <c>AddPortCheck("cache", WellKnownPorts.Redis)</c> is named
    /// <c>redis cache:6379</c>; a port the catalog does not know gives <c>tcp host:port</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="host">An IP address or a host name.</param>
    /// <param name="port">The TCP port, 1 to 65535: a catalog constant such as <c>WellKnownPorts.Redis</c>.</param>
    /// <param name="failureStatus">The status when the port does not accept; null for the framework's default (<see cref="HealthStatus.Unhealthy"/>).</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <param name="timeout">How long the check may take: the probe's timeout and the registration's; null for <see cref="PortHealthCheckOptions.DefaultTimeout"/>.</param>
    /// <param name="expectedService">The service that must answer (<c>postgresql</c>, <c>redis</c>, <c>http</c>; see <see cref="PortHealthCheckOptions.ExpectedService"/>); null: any listener is healthy.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="host"/> is empty, <paramref name="port"/> is outside 1–65535, <paramref name="timeout"/> is not positive or <paramref name="expectedService"/> is not a service identification recognises.</exception>
    public static IHealthChecksBuilder AddPortCheck(
        this IHealthChecksBuilder builder,
        string host,
        int port,
        HealthStatus? failureStatus = default,
        IEnumerable<string>? tags = default,
        TimeSpan? timeout = default,
        string? expectedService = default)
    {
        var check = new PortHealthCheck(Options(host, port, timeout, expectedService));
        var service = WellKnownPorts.TryGetInfo(port, Transport.Tcp, out var info) ? info.ServiceName : "tcp";
        return Register(builder, $"{service} {check.Endpoint}", check, failureStatus, tags, timeout);
    }

    /// <summary>Adds a check named <paramref name="name"/> configured by <paramref name="options"/>.</summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name, unique among the app's checks.</param>
    /// <param name="options">The host, port and probe timeout (copied now).</param>
    /// <param name="failureStatus">The status when the port does not accept; null for the framework's default (<see cref="HealthStatus.Unhealthy"/>).</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <param name="timeout">The registration's timeout, after which the framework gives up on the check; null for none.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="name"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options name no host, a port outside 1–65535 or a timeout that is not positive.</exception>
    public static IHealthChecksBuilder AddPortCheck(
        this IHealthChecksBuilder builder,
        string name,
        PortHealthCheckOptions options,
        HealthStatus? failureStatus = default,
        IEnumerable<string>? tags = default,
        TimeSpan? timeout = default)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        return Register(builder, name, new PortHealthCheck(options), failureStatus, tags, timeout);
    }

    // The options the host-and-port overloads stand for: the registration's timeout is also the probe's.
    private static PortHealthCheckOptions Options(string host, int port, TimeSpan? timeout, string? expectedService)
        => new() { Host = host, Port = port, Timeout = timeout ?? PortHealthCheckOptions.DefaultTimeout, ExpectedService = expectedService };

    private static IHealthChecksBuilder Register(IHealthChecksBuilder builder, string name, PortHealthCheck check, HealthStatus? failureStatus, IEnumerable<string>? tags, TimeSpan? timeout)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (timeout is { } given && given <= TimeSpan.Zero)
        {
            throw new ArgumentException($"The timeout is {given}; it must be positive.", nameof(timeout));
        }

        return builder.Add(new HealthCheckRegistration(name, check, failureStatus, tags, timeout));
    }
}
