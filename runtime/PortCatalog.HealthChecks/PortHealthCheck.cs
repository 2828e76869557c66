using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PortCatalog.HealthChecks;

/// <summary>
/// A health check that is healthy while a TCP port accepts connections. It resolves the host (when it is a name),
/// probes each address until one accepts, and reports the registration's failure status otherwise. The result's
/// <see cref="HealthCheckResult.Data"/> carries the keys in <see cref="PortHealthCheckData"/>.
/// </summary>
public sealed class PortHealthCheck : IHealthCheck
{
    private readonly string _host;
    private readonly int _port;
    private readonly TimeSpan _timeout;
    private readonly IPAddress? _address;
    private readonly string? _expectedService;

    /// <summary>Creates the check from <paramref name="options"/> (copied: later changes to them have no effect).</summary>
    /// <param name="options">The host, port, probe timeout and expected service.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The host is empty, the port is outside 1–65535, the timeout is not positive or the expected service is not one identification recognises.</exception>
    public PortHealthCheck(PortHealthCheckOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.Host))
        {
            throw new ArgumentException("PortHealthCheckOptions.Host is empty; give an address or a host name.", nameof(options));
        }

        if (options.Port is < 1 or > 65535)
        {
            throw new ArgumentException($"PortHealthCheckOptions.Port is {options.Port}; a port to check is between 1 and 65535.", nameof(options));
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"PortHealthCheckOptions.Timeout is {options.Timeout}; it must be positive.", nameof(options));
        }

        if (options.ExpectedService is { } expected && !ServiceIdentity.IsKnownTcpService(expected))
        {
            throw new ArgumentException(
                $"PortHealthCheckOptions.ExpectedService is '{expected}', not a service identification recognises over TCP; use one of {string.Join(", ", ServiceIdentity.KnownTcpServices)} (or a catalog name that speaks one of them).",
                nameof(options));
        }

        _expectedService = options.ExpectedService?.Trim();
        _host = options.Host.Trim();
        _port = options.Port;
        _timeout = options.Timeout;
        var literal = _host.Length > 2 && _host[0] == '[' && _host[_host.Length - 1] == ']' ? _host.Substring(1, _host.Length - 2) : _host;
        _address = IPAddress.TryParse(literal, out var address) ? address : null;
    }

    /// <summary>The endpoint as <c>host:port</c>, with an IPv6 address in brackets.</summary>
    internal string Endpoint => _address is { AddressFamily: AddressFamily.InterNetworkV6 } && _host[0] != '['
        ? $"[{_host}]:{_port.ToString(CultureInfo.InvariantCulture)}"
        : $"{_host}:{_port.ToString(CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var failureStatus = context.Registration?.FailureStatus ?? HealthStatus.Unhealthy;
        var timeout = context.Registration is { } registration && registration.Timeout > TimeSpan.Zero && registration.Timeout < _timeout
            ? registration.Timeout
            : _timeout;
        var start = Stopwatch.GetTimestamp();
        var data = new Dictionary<string, object>
        {
            [PortHealthCheckData.Host] = _host,
            [PortHealthCheckData.Port] = _port,
        };
        if (_expectedService is not null)
        {
            data[PortHealthCheckData.ExpectedService] = _expectedService;
        }

        IPAddress[] addresses;
        try
        {
            addresses = _address is not null ? [_address] : await ResolveAsync(_host, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            // OperationCanceledException: the check's timeout passed while the resolver was still working.
            data[PortHealthCheckData.State] = PortHealthCheckData.NameNotResolved;
            data[PortHealthCheckData.Latency] = Elapsed(start);
            var why = e is SocketException ? e.Message : "the resolver did not answer before the check's timeout";
            return new HealthCheckResult(failureStatus, $"{Endpoint}: name not resolved ({why}).", e, data);
        }

        var state = PortState.Filtered;
        var reason = PortReason.NoResponse;
        var accepted = IPAddress.None;
        try
        {
            foreach (var address in addresses)
            {
                data[PortHealthCheckData.Address] = address.ToString();
                // Not cancelled by the framework's token: that fires when the registration's timeout passes, the same
                // moment as the probe's own, and would replace this result (state, latency) with a bare "timeout".
                // The probe's timeout bounds the check instead.
                // Several addresses share the one timeout.
                var left = timeout - Elapsed(start);
                var result = await PortProbe.ProbeAsync(address, _port, Transport.Tcp, left > TimeSpan.FromMilliseconds(1) ? left : TimeSpan.FromMilliseconds(1)).ConfigureAwait(false);
                (state, reason) = (result.State, result.Reason);
                if (state == PortState.Open)
                {
                    accepted = address;
                    break;
                }
            }
        }
        catch (SocketException e)
        {
            // A failure of this machine (no descriptors, no IPv6), not an answer from the port.
            data[PortHealthCheckData.Latency] = Elapsed(start);
            return new HealthCheckResult(failureStatus, $"{Endpoint}: could not probe ({e.Message}).", e, data);
        }

        data[PortHealthCheckData.State] = state.ToString();
        data[PortHealthCheckData.Reason] = reason.ToNmapName();
        if (state != PortState.Open)
        {
            return new HealthCheckResult(failureStatus, $"{Endpoint} is {Describe(state, reason)} ({Milliseconds(Finish(start, data))} ms).", exception: null, data);
        }

        if (_expectedService is null)
        {
            return HealthCheckResult.Healthy($"{Endpoint} is open ({Milliseconds(Finish(start, data))} ms).", data);
        }

        // Something accepted: healthy only if it answers as the expected service, identified within what is left of the
        // timeout (not cancelled by the framework's token, for the reason the probe is not).
        var remaining = timeout - Elapsed(start);
        ServiceIdentity identity;
        try
        {
            identity = await PortProbe.IdentifyAsync(accepted, _port, remaining > TimeSpan.FromMilliseconds(1) ? remaining : TimeSpan.FromMilliseconds(1)).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            data[PortHealthCheckData.Latency] = Elapsed(start);
            return new HealthCheckResult(failureStatus, $"{Endpoint}: could not identify ({e.Message}).", e, data);
        }

        if (identity.Service is { } service)
        {
            data[PortHealthCheckData.Service] = service;
        }

        var milliseconds = Milliseconds(Finish(start, data));
        return identity.Is(_expectedService) ? HealthCheckResult.Healthy($"{Endpoint} is open and answers as {identity.Service} ({milliseconds} ms).", data)
            : identity.Service is not null ? new HealthCheckResult(failureStatus, $"{Endpoint} is open but answers as {identity.Service}, not {_expectedService} ({milliseconds} ms).", exception: null, data)
            : new HealthCheckResult(failureStatus, $"{Endpoint} is open but was not identified as {_expectedService}: {identity.Detail} ({milliseconds} ms).", exception: null, data);
    }

    // Records the check's latency in the data and returns it.
    private static TimeSpan Finish(long start, Dictionary<string, object> data)
    {
        var latency = Elapsed(start);
        data[PortHealthCheckData.Latency] = latency;
        return latency;
    }

    private static string Milliseconds(TimeSpan latency) => latency.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Describe(PortState state, PortReason reason) => (state, reason) switch
    {
        (PortState.Closed, PortReason.ConnRefused or PortReason.Reset) => "closed: the connection was refused",
        (PortState.Filtered, PortReason.NoResponse) => "filtered: no answer",
        _ => $"{state.ToString().ToLowerInvariant()} ({reason.ToNmapName()})",
    };

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
#if NET6_0_OR_GREATER
        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
#else
        var addresses = await Dns.GetHostAddressesAsync(host).ConfigureAwait(false);
#endif
        var usable = addresses.Where(a => a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6).ToArray();
        return usable.Length > 0
            ? usable
            : throw new SocketException((int)SocketError.HostNotFound);
    }

    private static TimeSpan Elapsed(long start)
        => TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - start) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
}
