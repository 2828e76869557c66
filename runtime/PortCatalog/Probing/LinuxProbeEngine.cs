#if NET8_0_OR_GREATER
using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using PortCatalog.Interop;

namespace PortCatalog.Probing;

/// <summary>
/// The Linux probe engine: raw non-blocking sockets through libc and one <see cref="EpollLoop"/> per core, with
/// pooled completions, so a probe costs a handful of system calls and no managed allocation once warm.
/// </summary>
/// <remarks>
/// <para>
/// A probe starts on the calling thread: <c>socket</c>, <c>SO_LINGER {1,0}</c> (closing an accepted connection sends a
/// reset, leaving no TIME_WAIT), a non-blocking <c>connect</c>. On loopback the kernel runs the whole handshake inside
/// that call, so a second <c>connect</c> usually tells the outcome at once (0 connected, ECONNREFUSED refused, EALREADY
/// still in progress); only a probe still in progress goes to epoll. Work therefore spreads over every thread that
/// probes, and a scanner that probes from several threads uses every core.
/// </para>
/// <para>
/// A TCP connection to an address and port equal to its own source (the kernel may pick the destination port as the
/// ephemeral source port on loopback, and the SYN then meets itself) is not an open port: it is reported
/// <see cref="PortState.Closed"/>, as nothing listens there.
/// </para>
/// </remarks>
internal sealed unsafe class LinuxProbeEngine : IProbeEngine
{
    private static readonly Libc.Linger s_resetOnClose = new() { OnOff = 1, Seconds = 0 };

    private readonly EpollLoop[] _loops;
    private long _selfConnects;
    private int _disposed;

    /// <summary>Creates an engine with <paramref name="loopCount"/> epoll threads (0: one per processor).</summary>
    public LinuxProbeEngine(int loopCount = 0)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The epoll probe engine runs on Linux only.");
        }

        _loops = new EpollLoop[loopCount > 0 ? loopCount : Environment.ProcessorCount];
        for (var i = 0; i < _loops.Length; i++)
        {
            _loops[i] = new EpollLoop(this, i);
        }
    }

    /// <summary>How many connections to themselves probes have seen and reported as closed (a diagnostic for tests).</summary>
    public long SelfConnects => Interlocked.Read(ref _selfConnects);

    public ValueTask<PortState> ProbeTcpAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken)
        => Probe(address, port, isUdp: false, ReadOnlySpan<byte>.Empty, timeout, cancellationToken);

    public ValueTask<PortState> ProbeUdpAsync(IPAddress address, int port, ReadOnlyMemory<byte> payload, TimeSpan timeout, CancellationToken cancellationToken)
        => Probe(address, port, isUdp: true, payload.Span, timeout, cancellationToken);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            foreach (var loop in _loops)
            {
                loop.Dispose();
            }
        }
    }

    private ValueTask<PortState> Probe(IPAddress address, int port, bool isUdp, ReadOnlySpan<byte> payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<PortState>(cancellationToken);
        }

        var remote = stackalloc byte[Interop.SocketAddress.MaxSize];
        var remoteLength = Interop.SocketAddress.Write(address, port, new Span<byte>(remote, Interop.SocketAddress.MaxSize), out var family);

        var fd = Libc.Socket(family, (isUdp ? Libc.SOCK_DGRAM : Libc.SOCK_STREAM) | Libc.SOCK_NONBLOCK | Libc.SOCK_CLOEXEC, 0);
        if (fd < 0)
        {
            // EMFILE/ENFILE (descriptor limits), EAFNOSUPPORT (no IPv6): not a property of the port.
            throw ToSocketException(Marshal.GetLastPInvokeError());
        }

        var (settled, outcome, errno) = isUdp ? StartUdp(fd, remote, remoteLength, payload) : StartTcp(fd, remote, remoteLength, family);
        if (settled)
        {
            Libc.Close(fd);
            return errno == 0 ? new ValueTask<PortState>(outcome) : ValueTask.FromException<PortState>(ToSocketException(errno));
        }

        return Await(fd, isUdp, family, new ReadOnlySpan<byte>(remote, Interop.SocketAddress.MaxSize), timeout, cancellationToken);
    }

    private (bool Settled, PortState Outcome, int Errno) StartTcp(int fd, byte* remote, int remoteLength, int family)
    {
        var linger = s_resetOnClose;
        Libc.SetSockOpt(fd, Libc.SOL_SOCKET, Libc.SO_LINGER, &linger, sizeof(Libc.Linger));

        if (Libc.Connect(fd, remote, remoteLength) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != Libc.EINPROGRESS)
            {
                return Classified(errno);
            }

            // Asking again costs one call and, on loopback, nearly always has the answer already.
            if (Libc.Connect(fd, remote, remoteLength) != 0)
            {
                errno = Marshal.GetLastPInvokeError();
                if (errno == Libc.EALREADY || errno == Libc.EINPROGRESS)
                {
                    return (false, default, 0);
                }

                if (errno != Libc.EISCONN)
                {
                    return Classified(errno);
                }
            }
        }

        return (true, ConnectedOutcome(fd, new ReadOnlySpan<byte>(remote, Interop.SocketAddress.MaxSize), family), 0);
    }

    private static (bool Settled, PortState Outcome, int Errno) StartUdp(int fd, byte* remote, int remoteLength, ReadOnlySpan<byte> payload)
    {
        // A connected UDP socket receives only its peer's replies, and the peer's ICMP errors as errno.
        if (Libc.Connect(fd, remote, remoteLength) != 0)
        {
            return Classified(Marshal.GetLastPInvokeError());
        }

        fixed (byte* data = payload)
        {
            if (Libc.Send(fd, data, payload.Length, 0) < 0)
            {
                return Classified(Marshal.GetLastPInvokeError());
            }
        }

        // On loopback an ICMP port unreachable is usually delivered before send returns.
        byte reply;
        if (Libc.Recv(fd, &reply, 1, Libc.MSG_DONTWAIT) >= 0)
        {
            return (true, PortState.Open, 0);
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == Libc.EAGAIN ? (false, default, 0) : Classified(errno);
    }

    private ValueTask<PortState> Await(int fd, bool isUdp, int family, ReadOnlySpan<byte> remote, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var loop = _loops[(uint)Thread.GetCurrentProcessorId() % (uint)_loops.Length];
        var operation = loop.Rent();
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var generation = operation.Begin(fd, isUdp, family, remote, deadline);
        var version = operation.Version;

        // Setup: from here the operation may be claimed by cancellation or its deadline, but its socket stays open until
        // the setup hold is released below.
        operation.RegisterCancellation(cancellationToken);
        var errno = loop.Arm(operation, generation);
        if (errno != 0 && operation.TryClaim(generation))
        {
            operation.Settle(default, ToSocketException(errno));
        }

        operation.ReleaseHold();
        return new ValueTask<PortState>(operation, version);
    }

    /// <summary>
    /// Decides the outcome of a probe whose socket epoll reported ready (called by the claimant on a loop thread).
    /// Returns false with an errno for a failure that says nothing about the port.
    /// </summary>
    internal bool TryDecideReady(ProbeOperation operation, out PortState outcome, out int errno)
    {
        errno = 0;
        int error;
        if (operation.IsUdp)
        {
            byte reply;
            if (Libc.Recv(operation.Fd, &reply, 1, Libc.MSG_DONTWAIT) >= 0)
            {
                outcome = PortState.Open;
                return true;
            }

            error = Marshal.GetLastPInvokeError();
            if (error == Libc.EAGAIN)
            {
                // Readiness without data or error: treat as silence, the outcome a timeout would give.
                outcome = PortState.OpenOrFiltered;
                return true;
            }
        }
        else
        {
            var length = sizeof(int);
            error = 0;
            if (Libc.GetSockOpt(operation.Fd, Libc.SOL_SOCKET, Libc.SO_ERROR, &error, &length) != 0)
            {
                error = Marshal.GetLastPInvokeError();
            }

            if (error == 0)
            {
                outcome = ConnectedOutcome(operation.Fd, operation.Remote, operation.Family);
                return true;
            }
        }

        if (TryClassifyError(error, out outcome))
        {
            return true;
        }

        errno = error;
        return false;
    }

    private PortState ConnectedOutcome(int fd, ReadOnlySpan<byte> remote, int family)
    {
        var local = stackalloc byte[Interop.SocketAddress.MaxSize];
        var length = Interop.SocketAddress.MaxSize;
        if (Libc.GetSockName(fd, local, &length) == 0
            && Interop.SocketAddress.IsSameEndpoint(new ReadOnlySpan<byte>(local, length), remote, family))
        {
            Interlocked.Increment(ref _selfConnects);
            return PortState.Closed;
        }

        return PortState.Open;
    }

    private static (bool Settled, PortState Outcome, int Errno) Classified(int errno)
        => TryClassifyError(errno, out var outcome) ? (true, outcome, 0) : (true, default, errno);

    /// <summary>Maps a connect/recv errno to the state it reveals; false for errors about this machine, not the port.</summary>
    internal static bool TryClassifyError(int errno, out PortState state)
    {
        switch (errno)
        {
            case Libc.ECONNREFUSED:
            case Libc.ECONNRESET:
                state = PortState.Closed;
                return true;
            case Libc.EHOSTUNREACH:
            case Libc.ENETUNREACH:
            case Libc.EHOSTDOWN:
            case Libc.ENETDOWN:
            case Libc.EACCES:
            case Libc.EPERM:
            case Libc.ETIMEDOUT:
                state = PortState.Filtered;
                return true;
            default:
                state = default;
                return false;
        }
    }

    /// <summary>An exception for an errno that is a local failure (descriptor limits, no buffers, no IPv6).</summary>
    internal static SocketException ToSocketException(int errno) => new(errno switch
    {
        Libc.EMFILE or Libc.ENFILE => (int)SocketError.TooManyOpenSockets,
        Libc.ENOBUFS or Libc.ENOMEM => (int)SocketError.NoBufferSpaceAvailable,
        Libc.EADDRNOTAVAIL or Libc.EAGAIN => (int)SocketError.AddressNotAvailable,
        Libc.EAFNOSUPPORT => (int)SocketError.AddressFamilyNotSupported,
        Libc.EINTR => (int)SocketError.Interrupted,
        _ => (int)SocketError.SocketError,
    });
}
#endif
