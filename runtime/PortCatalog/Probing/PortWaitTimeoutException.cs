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
        : this(host, port, waited, attempts, lastState, lastReason, lastProblem, expectedService: null, lastIdentity: null)
    {
    }

    /// <summary>Creates the exception for a wait for <paramref name="expectedService"/> on <paramref name="host"/>:<paramref name="port"/>.</summary>
    /// <param name="host">The host as it was given: an address or a name.</param>
    /// <param name="port">The port waited for.</param>
    /// <param name="waited">How long the wait lasted.</param>
    /// <param name="attempts">How many rounds of attempts were made.</param>
    /// <param name="lastState">The state the last connection attempt saw; null when no attempt was made because the name never resolved.</param>
    /// <param name="lastReason">Why the last attempt saw <paramref name="lastState"/>, in nmap's vocabulary; null with a null state.</param>
    /// <param name="lastProblem">What went wrong last, in words (such as the resolver's error); may be null.</param>
    /// <param name="expectedService">The service waited for (<see cref="PortWaitOptions.ExpectedService"/>); null when any listener would do.</param>
    /// <param name="lastIdentity">What answered when the port was last seen open (not the expected service); null when it was not open last.</param>
    public PortWaitTimeoutException(string host, int port, TimeSpan waited, int attempts, PortState? lastState, PortReason? lastReason, string? lastProblem, string? expectedService, ServiceIdentity? lastIdentity)
        : base(Describe(host, port, waited, attempts, lastState, lastReason, lastProblem, expectedService, lastIdentity))
    {
        Host = host;
        Port = port;
        Waited = waited;
        Attempts = attempts;
        LastState = lastState;
        LastReason = lastReason;
        ExpectedService = expectedService;
        LastIdentity = lastIdentity;
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

    /// <summary>The service the wait was for (<see cref="PortWaitOptions.ExpectedService"/>), or null when any listener would do.</summary>
    public string? ExpectedService { get; }

    /// <summary>
    /// What answered the last time the port was seen open, when the wait was for an <see cref="ExpectedService"/> and
    /// something else (or nothing recognisable) answered; null when the port was not open at the last attempt.
    /// </summary>
    public ServiceIdentity? LastIdentity { get; }

    /// <summary>Whether the host name never resolved (<see cref="LastState"/> is null).</summary>
    public bool NameNotResolved => LastState is null;

    /// <summary>
    /// The last state as a short phrase: <c>closed</c>, <c>filtered</c>, <c>name not resolved</c>, or, waiting for a
    /// service, <c>open but answers as redis (Redis 7.0.15)</c> or <c>open, not identified: </c> and what was seen.
    /// </summary>
    public string LastStateText => StateText(LastState, LastIdentity);

    /// <summary>The endpoint as <c>host:port</c>, with an IPv6 address in brackets.</summary>
    public string Endpoint => FormatEndpoint(Host, Port);

    internal static string FormatEndpoint(string host, int port)
        => host.IndexOf(':') >= 0 && !host.StartsWith("[", StringComparison.Ordinal)
            ? $"[{host}]:{port.ToString(CultureInfo.InvariantCulture)}"
            : $"{host}:{port.ToString(CultureInfo.InvariantCulture)}";

    private static string Describe(string host, int port, TimeSpan waited, int attempts, PortState? lastState, PortReason? lastReason, string? lastProblem, string? expectedService, ServiceIdentity? lastIdentity)
    {
        // "closed (conn-refused)", "filtered (host-unreach; at ::1)", "name not resolved (<the resolver's words>)"; an open
        // port that did not answer as expected says what answered instead of its reason (syn-ack).
        var reason = lastState != PortState.Open && lastReason is { } r && r != PortReason.None ? r.ToNmapName() : null;
        var details = string.Join("; ", new[] { reason, lastProblem }.Where(d => !string.IsNullOrEmpty(d)));
        var problem = details.Length == 0 ? string.Empty : $" ({details})";
        return string.Format(
            CultureInfo.InvariantCulture,
            "{0} did not {1}: waited {2:0.0##} s over {3} attempt{4}; last seen: {5}{6}.",
            FormatEndpoint(host, port),
            expectedService is null ? "open" : "answer as " + expectedService,
            waited.TotalSeconds,
            attempts,
            attempts == 1 ? string.Empty : "s",
            StateText(lastState, lastIdentity),
            problem);
    }

    private static string StateText(PortState? state, ServiceIdentity? identity) => state switch
    {
        null => "name not resolved",
        PortState.Open when identity is { IsIdentified: true } => "open but answers as " + identity.Answered,
        PortState.Open when identity is not null => "open, not identified: " + identity.Answered,
        PortState.Closed => "closed",
        PortState.Filtered => "filtered",
        PortState.OpenOrFiltered => "open|filtered",
        var other => other.Value.ToString().ToLowerInvariant(),
    };
}
