using System;
using System.Net;
using System.Threading;

namespace PortCatalog;

/// <summary>
/// How <see cref="PortProbe.WaitUntilOpenAsync(IPAddress, int, PortWaitOptions, CancellationToken)"/> waits: the
/// overall timeout, the pause before each retry (short at first, then doubling up to <see cref="MaxRetryDelay"/>) and
/// how long one connection attempt may take.
/// </summary>
/// <remarks>
/// The defaults poll a closed port about 40 times a second once the backoff has grown: a refused connection costs two
/// system calls and, on Linux, no allocation, and a port that opens is noticed about 13 ms later on average. For a
/// host you do not own, a longer <see cref="MaxRetryDelay"/> (such as one second, what <c>wait-for-it.sh</c> uses) is
/// politer.
/// </remarks>
public sealed class PortWaitOptions
{
    private TimeSpan _timeout = TimeSpan.FromSeconds(30);
    private TimeSpan _firstRetryDelay = TimeSpan.FromMilliseconds(1);
    private TimeSpan _maxRetryDelay = TimeSpan.FromMilliseconds(25);
    private TimeSpan _attemptTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long to wait in all before giving up with a <see cref="PortWaitTimeoutException"/>; positive, or
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> to wait until cancelled. Default 30 seconds.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is neither positive nor infinite.</exception>
    public TimeSpan Timeout
    {
        get => _timeout;
        set => _timeout = value > TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Timeout), value, "The timeout must be positive, or Timeout.InfiniteTimeSpan.");
    }

    /// <summary>The pause after the first attempt that failed; each later pause doubles, up to <see cref="MaxRetryDelay"/>. Positive; default 1 ms.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan FirstRetryDelay
    {
        get => _firstRetryDelay;
        set => _firstRetryDelay = Positive(value, nameof(FirstRetryDelay));
    }

    /// <summary>The longest pause between two attempts; not less than <see cref="FirstRetryDelay"/>. Default 25 ms.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan MaxRetryDelay
    {
        get => _maxRetryDelay;
        set => _maxRetryDelay = Positive(value, nameof(MaxRetryDelay));
    }

    /// <summary>
    /// How long one connection attempt may go unanswered before it counts as <see cref="PortState.Filtered"/> and the
    /// next is made (never beyond the overall <see cref="Timeout"/>). Positive; default 1 second.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan AttemptTimeout
    {
        get => _attemptTimeout;
        set => _attemptTimeout = Positive(value, nameof(AttemptTimeout));
    }

    private static TimeSpan Positive(TimeSpan value, string name)
        => value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(name, value, "The delay must be positive.");
}
