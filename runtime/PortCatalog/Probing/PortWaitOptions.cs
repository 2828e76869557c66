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
    private string? _expectedService;

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

    /// <summary>
    /// When set, the wait lasts until the port is identified as this service, not only until it accepts a connection:
    /// so "PostgreSQL is up" means PostgreSQL answers. Once an address accepts, it is identified (as
    /// <see cref="PortProbe.IdentifyAsync(IPAddress, int, TimeSpan, System.Threading.CancellationToken)"/> does, within
    /// <see cref="AttemptTimeout"/>); anything else, or nothing recognised, counts as not up yet and the polling goes on.
    /// A name in the catalog's naming, compared as <see cref="ServiceIdentity.Is(string)"/> compares (<c>postgresql</c>,
    /// <c>redis</c>, <c>http</c>; <c>http-alt</c> and <c>mariadb</c> mean <c>http</c> and <c>mysql</c>). Default null: any
    /// listener will do.
    /// </summary>
    /// <exception cref="ArgumentException">The name is blank or not a service identification recognises (see <see cref="ServiceIdentity.KnownTcpServices"/>).</exception>
    public string? ExpectedService
    {
        get => _expectedService;
        set => _expectedService = value is null ? null
            : ServiceIdentity.IsKnownTcpService(value) ? value.Trim()
            : throw new ArgumentException(
                $"'{value}' is not a service identification recognises over TCP; expected one of {string.Join(", ", ServiceIdentity.KnownTcpServices)} (or a catalog name that speaks one of them).",
                nameof(ExpectedService));
    }

    private static TimeSpan Positive(TimeSpan value, string name)
        => value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(name, value, "The delay must be positive.");
}
