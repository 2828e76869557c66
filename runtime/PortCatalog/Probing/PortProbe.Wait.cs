using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using PortCatalog.Identification;
using PortCatalog.Probing;

namespace PortCatalog;

public static partial class PortProbe
{
    // A name that resolved is resolved again at most this often while the wait goes on, so a container that comes back
    // with a new address is found without asking the resolver at every attempt.
    private static readonly long s_resolveAgainAfter = Stopwatch.Frequency;

    // Stopwatch ticks (nanoseconds on Linux) to TimeSpan ticks and back, in double so long waits do not overflow.
    private static readonly double s_timeSpanTicksPerStopwatchTick = (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency;

    /// <summary>
    /// Waits until <paramref name="address"/>:<paramref name="port"/> accepts a TCP connection: tries at once, then
    /// again after a short pause that doubles up to 25 ms, for at most <paramref name="timeout"/>.
    /// </summary>
    /// <param name="address">The host, IPv4 or IPv6.</param>
    /// <param name="port">The port, 1 to 65535.</param>
    /// <param name="timeout">How long to wait in all; positive, or <see cref="Timeout.InfiniteTimeSpan"/> to wait until cancelled.</param>
    /// <param name="cancellationToken">Stops the wait (it then throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>Which address accepted, how long the wait took and how many attempts it made.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is outside 1–65535 or <paramref name="timeout"/> is neither positive nor infinite.</exception>
    /// <exception cref="PortWaitTimeoutException">The port did not accept before the timeout (a <see cref="TimeoutException"/> naming the endpoint, the time waited and the last state seen).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<PortWaitResult> WaitUntilOpenAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken = default)
        => WaitUntilOpenAsync(address, port, new PortWaitOptions { Timeout = timeout }, cancellationToken);

    /// <summary>
    /// Waits until <paramref name="address"/>:<paramref name="port"/> accepts a TCP connection, as <paramref name="options"/>
    /// say; with <see cref="PortWaitOptions.ExpectedService"/>, until it also answers as that service.
    /// </summary>
    /// <param name="address">The host, IPv4 or IPv6.</param>
    /// <param name="port">The port, 1 to 65535.</param>
    /// <param name="options">The overall timeout, the retry pauses, the time one attempt may take and the service expected, if any.</param>
    /// <param name="cancellationToken">Stops the wait (it then throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>Which address accepted, how long the wait took, how many attempts it made and, for an expected service, what answered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is outside 1–65535.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> has a <see cref="PortWaitOptions.MaxRetryDelay"/> shorter than its <see cref="PortWaitOptions.FirstRetryDelay"/>.</exception>
    /// <exception cref="PortWaitTimeoutException">The port did not accept (or answer as the expected service) before the timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="SocketException">A local failure unrelated to the port, such as the process running out of file descriptors.</exception>
    public static Task<PortWaitResult> WaitUntilOpenAsync(IPAddress address, int port, PortWaitOptions options, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(address, nameof(address));
        CheckWaitArguments(port, options);
        return WaitAsync(address.ToString(), [address], port, options, cancellationToken);
    }

    /// <summary>
    /// Waits until <paramref name="host"/>:<paramref name="port"/> accepts a TCP connection, for at most
    /// <paramref name="timeout"/>. A name that does not resolve yet (a container not started) is tried again like a
    /// closed port; once it resolves, every address it has is tried and the first to accept ends the wait.
    /// </summary>
    /// <param name="host">An IP address or a host name (resolved by the system resolver).</param>
    /// <param name="port">The port, 1 to 65535.</param>
    /// <param name="timeout">How long to wait in all; positive, or <see cref="Timeout.InfiniteTimeSpan"/> to wait until cancelled.</param>
    /// <param name="cancellationToken">Stops the wait (it then throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>Which address accepted, how long the wait took and how many attempts it made.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="host"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="host"/> is empty or blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is outside 1–65535 or <paramref name="timeout"/> is neither positive nor infinite.</exception>
    /// <exception cref="PortWaitTimeoutException">The port did not accept before the timeout; <see cref="PortWaitTimeoutException.NameNotResolved"/> says whether the name never resolved.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<PortWaitResult> WaitUntilOpenAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken = default)
        => WaitUntilOpenAsync(host, port, new PortWaitOptions { Timeout = timeout }, cancellationToken);

    /// <summary>
    /// Waits until <paramref name="host"/>:<paramref name="port"/> accepts a TCP connection, as <paramref name="options"/>
    /// say (with <see cref="PortWaitOptions.ExpectedService"/>, until it also answers as that service). A name that does
    /// not resolve yet is tried again like a closed port.
    /// </summary>
    /// <param name="host">An IP address or a host name (resolved by the system resolver).</param>
    /// <param name="port">The port, 1 to 65535.</param>
    /// <param name="options">The overall timeout, the retry pauses, the time one attempt may take and the service expected, if any.</param>
    /// <param name="cancellationToken">Stops the wait (it then throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>Which address accepted, how long the wait took and how many attempts it made.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="host"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="host"/> is empty or blank, or <paramref name="options"/> has a <see cref="PortWaitOptions.MaxRetryDelay"/> shorter than its <see cref="PortWaitOptions.FirstRetryDelay"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is outside 1–65535.</exception>
    /// <exception cref="PortWaitTimeoutException">The port did not accept (or answer as the expected service) before the timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="SocketException">A local failure unrelated to the port, such as the process running out of file descriptors.</exception>
    public static Task<PortWaitResult> WaitUntilOpenAsync(string host, int port, PortWaitOptions options, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(host, nameof(host));
        if (string.IsNullOrWhiteSpace(host))
        {
            throw new ArgumentException("The host is empty.", nameof(host));
        }

        CheckWaitArguments(port, options);
        var text = host.Trim();
        var literal = text.Length > 2 && text[0] == '[' && text[text.Length - 1] == ']' ? text.Substring(1, text.Length - 2) : text;
        return IPAddress.TryParse(literal, out var address)
            ? WaitAsync(host, [address], port, options, cancellationToken)
            : WaitAsync(host, addresses: null, port, options, cancellationToken);
    }

    private static void CheckWaitArguments(int port, PortWaitOptions options)
    {
        Guard.NotNull(options, nameof(options));
        if (port is < 1 or > Guard.MaxPort)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, $"A port to wait for is between 1 and {Guard.MaxPort}.");
        }

        if (options.MaxRetryDelay < options.FirstRetryDelay)
        {
            throw new ArgumentException(
                $"MaxRetryDelay ({options.MaxRetryDelay}) is shorter than FirstRetryDelay ({options.FirstRetryDelay}).", nameof(options));
        }
    }

    // The loop: one round of attempts (every address of the host), then a pause that doubles up to MaxRetryDelay, until
    // an address accepts or the deadline passes. With known addresses nothing here allocates per round: the state
    // machine is boxed once, the probes complete through pooled sources and the pause reuses one WaitDelay.
    // `addresses` null means "resolve host first".
    private static async Task<PortWaitResult> WaitAsync(string host, IPAddress[]? addresses, int port, PortWaitOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var engine = ProbeEngines.Get(ProbeEngineKind.Default);
        var start = Stopwatch.GetTimestamp();
        var deadline = Deadline(start, options.Timeout);
        var resolveByName = addresses is null;
        var resolvedAt = 0L;
        var pause = ToMilliseconds(options.FirstRetryDelay);
        var maxPause = ToMilliseconds(options.MaxRetryDelay);
        PortState? lastState = null;
        PortReason? lastReason = null;
        string? lastProblem = null;
        ServiceIdentity? lastIdentity = null;
        var expectedService = options.ExpectedService;
        var attempts = 0;

        using var delay = new WaitDelay(cancellationToken);
        while (true)
        {
            attempts++;
            if (resolveByName && (addresses is null || Stopwatch.GetTimestamp() - resolvedAt >= s_resolveAgainAfter))
            {
                var resolved = await ResolveAsync(host, Remaining(deadline), cancellationToken).ConfigureAwait(false);
                if (resolved.Addresses is { } found)
                {
                    addresses = found;
                    resolvedAt = Stopwatch.GetTimestamp();
                }
                else if (addresses is null)
                {
                    lastProblem = resolved.Problem;
                }
            }

            if (addresses is not null)
            {
                foreach (var address in addresses)
                {
                    var outcome = await engine.ProbeTcpAsync(address, port, AttemptTimeout(deadline, options), cancellationToken).ConfigureAwait(false);
                    var previousIdentity = lastIdentity;
                    lastIdentity = null;
                    if (outcome.State == PortState.Open)
                    {
                        if (expectedService is null)
                        {
                            return new PortWaitResult(address, port, Elapsed(start), attempts);
                        }

                        // Something accepted: it is up only if it answers as the expected service.
                        var budget = AttemptTimeout(deadline, options);
                        var identity = await ServiceIdentifier.Default.IdentifyTcpAsync(address, port, budget, cancellationToken).ConfigureAwait(false);
                        if (identity.Is(expectedService))
                        {
                            return new PortWaitResult(address, port, Elapsed(start), attempts) { Identity = identity };
                        }

                        // An attempt close to the deadline has less than its full time to identify: what it failed to
                        // recognise says less than what the attempt before it saw.
                        lastIdentity = identity.IsIdentified || previousIdentity is null || budget >= options.AttemptTimeout ? identity : previousIdentity;
                    }

                    lastState = outcome.State;
                    lastReason = outcome.Reason;
                    lastProblem = addresses.Length > 1 ? $"at {address}" : null;
                }
            }

            var now = Stopwatch.GetTimestamp();
            if (now >= deadline)
            {
                throw new PortWaitTimeoutException(host, port, Elapsed(start), attempts, lastState, lastReason, lastProblem, expectedService, lastIdentity);
            }

            // Never sleep past the deadline: the last attempt is made at the deadline itself.
            var untilDeadline = deadline == long.MaxValue ? long.MaxValue : (long)Math.Ceiling((deadline - now) * 1000.0 / Stopwatch.Frequency);
            await delay.PauseAsync(Math.Min(pause, untilDeadline)).ConfigureAwait(false);
            pause = Math.Min(pause * 2, maxPause);
        }
    }

    // Resolves `host` within `budget`; a failure to resolve is a state of the wait (tried again), not an error.
    private static async Task<(IPAddress[]? Addresses, string? Problem)> ResolveAsync(string host, TimeSpan budget, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
#if NET6_0_OR_GREATER
            var lookup = Dns.GetHostAddressesAsync(host, cancellationToken);
#else
            var lookup = Dns.GetHostAddressesAsync(host);
#endif
            if (!lookup.IsCompleted)
            {
                // The resolver can take longer than the wait has left (its own retries last seconds): stop waiting for it at
                // the deadline, and observe its late failure so that it is not reported as unobserved.
                using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var finished = await Task.WhenAny(lookup, Task.Delay(budget, timer.Token)).ConfigureAwait(false);
                timer.Cancel();
                if (finished != lookup)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    _ = lookup.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    return (null, "the resolver did not answer in time");
                }
            }

            addresses = await lookup.ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            return (null, e.Message);
        }

        var usable = addresses.Where(a => a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6).ToArray();
        return usable.Length > 0 ? (usable, null) : (null, "the name has no IPv4 or IPv6 address");
    }

    private static TimeSpan Remaining(long deadline)
    {
        if (deadline == long.MaxValue)
        {
            return Timeout.InfiniteTimeSpan;
        }

        // A probe needs a positive timeout; the attempt made at the deadline gets a millisecond (a refusal or an
        // acceptance on loopback is answered inside the connect call anyway).
        var ticks = (long)((deadline - Stopwatch.GetTimestamp()) * s_timeSpanTicksPerStopwatchTick);
        return ticks > TimeSpan.TicksPerMillisecond ? TimeSpan.FromTicks(ticks) : TimeSpan.FromMilliseconds(1);
    }

    // One attempt (a connection, or the identification after it) gets AttemptTimeout, never beyond the deadline.
    private static TimeSpan AttemptTimeout(long deadline, PortWaitOptions options)
    {
        var left = Remaining(deadline);
        return left != Timeout.InfiniteTimeSpan && left < options.AttemptTimeout ? left : options.AttemptTimeout;
    }

    private static TimeSpan Elapsed(long start)
        => TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - start) * s_timeSpanTicksPerStopwatchTick));

    // The deadline for a wait of `timeout` from `start`, in Stopwatch ticks; long.MaxValue (never) when it is beyond reach.
    private static long Deadline(long start, TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return long.MaxValue;
        }

        var ticks = timeout.Ticks / s_timeSpanTicksPerStopwatchTick;
        return ticks >= long.MaxValue - start ? long.MaxValue : start + (long)ticks;
    }

    private static long ToMilliseconds(TimeSpan span) => Math.Max(1, (long)Math.Ceiling(span.TotalMilliseconds));
}
