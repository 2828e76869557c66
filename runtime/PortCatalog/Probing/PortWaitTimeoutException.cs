using System;
using System.Globalization;
using System.Linq;

namespace PortCatalog;

/// <summary>
/// Thrown by <see cref="PortProbe"/>'s <c>WaitUntilOpenAsync</c> when the port did not accept a connection before the
/// timeout. The message names the endpoint, the time waited and the last state seen; the properties carry the same.
/// </summary>
public sealed class PortWaitTimeoutException : TimeoutException
{
    /// <summary>Creates the exception for <paramref name="host"/>:<paramref name="port"/>.</summary>
    /// <param name="host">The host as it was given: an address or a name.</param>
    /// <param name="port">The port waited for.</param>
    /// <param name="waited">How long the wait lasted.</param>
    /// <param name="attempts">How many rounds of attempts were made.</param>
    /// <param name="lastState">The state the last connection attempt saw; null when no attempt was made because the name never resolved.</param>
    /// <param name="lastReason">Why the last attempt saw <paramref name="lastState"/>, in nmap's vocabulary; null with a null state.</param>
    /// <param name="lastProblem">What went wrong last, in words (such as the resolver's error); may be null.</param>
    public PortWaitTimeoutException(string host, int port, TimeSpan waited, int attempts, PortState? lastState, PortReason? lastReason, string? lastProblem)
        : base(Describe(host, port, waited, attempts, lastState, lastReason, lastProblem))
    {
        Host = host;
        Port = port;
        Waited = waited;
        Attempts = attempts;
        LastState = lastState;
        LastReason = lastReason;
    }

    /// <summary>The host as it was given: an address or a name.</summary>
    public string Host { get; }

    /// <summary>The port waited for.</summary>
    public int Port { get; }

    /// <summary>How long the wait lasted.</summary>
    public TimeSpan Waited { get; }

    /// <summary>How many rounds of attempts were made.</summary>
    public int Attempts { get; }

    /// <summary>
    /// The state the last connection attempt saw (<see cref="PortState.Closed"/>: refused; <see cref="PortState.Filtered"/>:
    /// no answer or an ICMP/route error), or null when the host name never resolved, so nothing could be tried.
    /// </summary>
    public PortState? LastState { get; }

    /// <summary>
    /// Why the last attempt saw <see cref="LastState"/> (<see cref="PortReason.ConnRefused"/>, <see cref="PortReason.NoResponse"/>,
    /// an ICMP error such as <see cref="PortReason.HostUnreach"/>), or null when the host name never resolved.
    /// </summary>
    public PortReason? LastReason { get; }

    /// <summary>Whether the host name never resolved (<see cref="LastState"/> is null).</summary>
    public bool NameNotResolved => LastState is null;

    /// <summary>The last state as a short phrase: <c>closed</c>, <c>filtered</c> or <c>name not resolved</c>.</summary>
    public string LastStateText => StateText(LastState);

    /// <summary>The endpoint as <c>host:port</c>, with an IPv6 address in brackets.</summary>
    public string Endpoint => FormatEndpoint(Host, Port);

    internal static string FormatEndpoint(string host, int port)
        => host.IndexOf(':') >= 0 && !host.StartsWith("[", StringComparison.Ordinal)
            ? $"[{host}]:{port.ToString(CultureInfo.InvariantCulture)}"
            : $"{host}:{port.ToString(CultureInfo.InvariantCulture)}";

    private static string Describe(string host, int port, TimeSpan waited, int attempts, PortState? lastState, PortReason? lastReason, string? lastProblem)
    {
        // "closed (conn-refused)", "filtered (host-unreach; at ::1)", "name not resolved (<the resolver's words>)".
        var details = string.Join("; ", new[] { lastReason is { } reason && reason != PortReason.None ? reason.ToNmapName() : null, lastProblem }.Where(d => !string.IsNullOrEmpty(d)));
        var problem = details.Length == 0 ? string.Empty : $" ({details})";
        return string.Format(
            CultureInfo.InvariantCulture,
            "{0} did not open: waited {1:0.0##} s over {2} attempt{3}; last seen: {4}{5}.",
            FormatEndpoint(host, port),
            waited.TotalSeconds,
            attempts,
            attempts == 1 ? string.Empty : "s",
            StateText(lastState),
            problem);
    }

    private static string StateText(PortState? state) => state switch
    {
        null => "name not resolved",
        PortState.Closed => "closed",
        PortState.Filtered => "filtered",
        PortState.OpenOrFiltered => "open|filtered",
        var other => other.Value.ToString().ToLowerInvariant(),
    };
}
