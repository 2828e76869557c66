using System;
using System.Diagnostics;
using System.Net;
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
/// A probe starts on the calling thread: <c>socket</c> and a non-blocking <c>connect</c>. On loopback the kernel runs
/// the whole handshake inside that call, so a second <c>connect</c> usually tells the outcome at once (0 connected,
/// ECONNREFUSED refused, EALREADY still in progress); only a probe still in progress goes to epoll. Work therefore
/// spreads over every thread that probes, and a scanner that probes from several threads uses every core.
/// </para>
/// <para>
/// Every socket has <c>IP_RECVERR</c> (and <c>IPV6_RECVERR</c> for IPv6) set, so ICMP errors land in its error queue
/// with their type and code (<see cref="ErrorQueue"/>): a connected UDP socket then hears host and network unreachable,
/// and an IPv6 connect hears ICMPv6 port unreachable at once rather than after its SYN retransmission. What the queue or
/// errno says becomes an outcome through <see cref="OutcomeClassifier"/>, the table both engines share.
/// </para>
/// <para>
/// An established connection gets <c>SO_LINGER {1,0}</c> before it is closed, so the close sends a reset and leaves no
/// TIME_WAIT. A socket whose connect was refused by a reset goes to its loop's <see cref="SpareSockets"/> for the next
/// probe, saving a <c>socket</c> and a <c>close</c> per refused probe.
/// </para>
/// <para>
/// A connection to an address and port equal to its own source (on loopback the kernel may pick the destination port
/// as the ephemeral source port; the SYN, or the UDP datagram, then meets its own socket) is not an open port: it is
/// reported <see cref="PortState.Closed"/> with <see cref="PortReason.SelfConnect"/>, as nothing listens there.
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

    public ValueTask<ProbeOutcome> ProbeTcpAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken)
        => Probe(address, port, isUdp: false, ReadOnlySpan<byte>.Empty, timeout, cancellationToken).AsOutcome();

    public ValueTask<ProbeOutcome> ProbeUdpAsync(IPAddress address, int port, ReadOnlyMemory<byte> payload, TimeSpan timeout, CancellationToken cancellationToken)
        => Probe(address, port, isUdp: true, payload.Span, timeout, cancellationToken).AsOutcome();

    public ValueTask<PortState> ProbeTcpStateAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken)
        => Probe(address, port, isUdp: false, ReadOnlySpan<byte>.Empty, timeout, cancellationToken).AsState();

    public ValueTask<PortState> ProbeUdpStateAsync(IPAddress address, int port, ReadOnlyMemory<byte> payload, TimeSpan timeout, CancellationToken cancellationToken)
        => Probe(address, port, isUdp: true, payload.Span, timeout, cancellationToken).AsState();

    public void ReleaseIdleSockets()
    {
        foreach (var loop in _loops)
        {
            loop.CloseSpareSockets();
        }
    }

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

    // A started probe: finished at once (an outcome or an error), or pending on a pooled operation. Turned into the
    // awaitable the caller asked for without allocating: the operation is a source of both outcomes and states.
    private readonly struct Started
    {
        private readonly ProbeOutcome _outcome;
        private readonly Exception? _error;
        private readonly ProbeOperation? _pending;
        private readonly short _version;

        public Started(ProbeOutcome outcome, Exception? error) => (_outcome, _error) = (outcome, error);

        public Started(ProbeOperation pending, short version) => (_pending, _version) = (pending, version);

        public ValueTask<ProbeOutcome> AsOutcome()
            => _pending is not null ? new(_pending, _version)
                : _error is not null ? ValueTask.FromException<ProbeOutcome>(_error) : new(_outcome);

        public ValueTask<PortState> AsState()
            => _pending is not null ? new(_pending, _version)
                : _error is not null ? ValueTask.FromException<PortState>(_error) : new(_outcome.State);
    }

    private Started Probe(IPAddress address, int port, bool isUdp, ReadOnlySpan<byte> payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (cancellationToken.IsCancellationRequested)
        {
            return new Started(default, new OperationCanceledException(cancellationToken));
        }

        var remote = stackalloc byte[Interop.SocketAddress.MaxSize];
        var remoteLength = Interop.SocketAddress.Write(address, port, new Span<byte>(remote, Interop.SocketAddress.MaxSize), out var family);
        var mapped = address.IsIPv4MappedToIPv6;

        var loop = _loops[(uint)Thread.GetCurrentProcessorId() % (uint)_loops.Length];

        // A socket once connected to an IPv4-mapped address keeps IPv4 behaviour, so such probes never share spares.
        var fd = isUdp || mapped ? -1 : loop.TakeSpareSocket(family);
        if (fd < 0)
        {
            fd = OpenSocket(family, isUdp, mapped);
        }

        var (settled, outcome, errno) = isUdp ? StartUdp(fd, remote, remoteLength, family, payload) : StartTcp(fd, remote, remoteLength, family);
        if (settled)
        {
            if (!isUdp && errno == RefusedAndReusable)
            {
                if (mapped)
                {
                    Libc.Close(fd);
                }
                else
                {
                    loop.ReturnSpareSocket(family, fd);
                }

                return new Started(OutcomeClassifier.Refused, null);
            }

            Libc.Close(fd);
            return errno == 0 ? new Started(outcome, null) : new Started(default, Errno.ToException(errno, isUdp ? "UDP probe" : "connect"));
        }

        return Await(loop, fd, isUdp, family, new ReadOnlySpan<byte>(remote, Interop.SocketAddress.MaxSize), timeout, cancellationToken);
    }

    private static int OpenSocket(int family, bool isUdp, bool mapped)
    {
        var fd = Libc.Socket(family, (isUdp ? Libc.SOCK_DGRAM : Libc.SOCK_STREAM) | Libc.SOCK_NONBLOCK | Libc.SOCK_CLOEXEC, 0);
        if (fd < 0)
        {
            // EMFILE/ENFILE (descriptor limits), EAFNOSUPPORT (no IPv6): not a property of the port.
            throw Errno.ToException(Marshal.GetLastPInvokeError(), "socket");
        }

        // ICMP errors with their type and code go to the socket's error queue. An IPv6 socket talking to an IPv4-mapped
        // address hears IPv4 ICMP, which needs the IPv4 option too.
        var on = 1;
        if (family == Libc.AF_INET || mapped)
        {
            Libc.SetSockOpt(fd, Libc.SOL_IP, Libc.IP_RECVERR, &on, sizeof(int));
        }

        if (family == Libc.AF_INET6)
        {
            Libc.SetSockOpt(fd, Libc.SOL_IPV6, Libc.IPV6_RECVERR, &on, sizeof(int));
        }

        return fd;
    }

    // A connect refused by a reset leaves the socket disconnected and clean, and Linux lets it connect again: StartTcp
    // reports this pseudo-errno so the socket goes back to its loop for the next probe instead of being closed.
    private const int RefusedAndReusable = -1;

    private (bool Settled, ProbeOutcome Outcome, int Errno) StartTcp(int fd, byte* remote, int remoteLength, int family)
    {
        if (Libc.Connect(fd, remote, remoteLength) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != Errno.EINPROGRESS)
            {
                return Refusal(fd, errno, family);
            }

            // Asking again costs one call and, on loopback, nearly always has the answer already.
            if (Libc.Connect(fd, remote, remoteLength) != 0)
            {
                errno = Marshal.GetLastPInvokeError();
                if (errno == Errno.EALREADY || errno == Errno.EINPROGRESS)
                {
                    return (false, default, 0);
                }

                if (errno != Errno.EISCONN)
                {
                    return Refusal(fd, errno, family);
                }
            }
        }

        return (true, ConnectedOutcome(fd, new ReadOnlySpan<byte>(remote, Interop.SocketAddress.MaxSize), family, isUdp: false), 0);
    }

    // A failed connect: a plain reset keeps the socket for reuse; anything else is classified (an ICMP error by its
    // type and code from the error queue).
    private static (bool Settled, ProbeOutcome Outcome, int Errno) Refusal(int fd, int errno, int family)
    {
        if (TryReadIcmp(fd, isUdp: false, out var icmp))
        {
            return (true, icmp, 0);
        }

        return errno == Errno.ECONNREFUSED ? (true, OutcomeClassifier.Refused, RefusedAndReusable) : Classified(errno, isUdp: false);
    }

    private (bool Settled, ProbeOutcome Outcome, int Errno) StartUdp(int fd, byte* remote, int remoteLength, int family, ReadOnlySpan<byte> payload)
    {
        // A connected UDP socket receives only its peer's replies, and (with IP_RECVERR) every ICMP error about it.
        if (Libc.Connect(fd, remote, remoteLength) != 0)
        {
            return Classified(Marshal.GetLastPInvokeError(), isUdp: true);
        }

        fixed (byte* data = payload)
        {
            if (Libc.Send(fd, data, payload.Length, 0) < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                return TryReadIcmp(fd, isUdp: true, out var icmp) ? (true, icmp, 0) : Classified(errno, isUdp: true);
            }
        }

        // On loopback an ICMP port unreachable is usually delivered before send returns.
        var (ready, outcome, error) = ReadUdp(fd, new ReadOnlySpan<byte>(remote, Interop.SocketAddress.MaxSize), family);
        return ready ? (true, outcome, error) : (false, default, 0);
    }

    // Reads a UDP probe's answer: a datagram (from the port, or from itself), or an error. Not ready: nothing yet.
    private (bool Ready, ProbeOutcome Outcome, int Errno) ReadUdp(int fd, ReadOnlySpan<byte> remote, int family)
    {
        byte reply;
        if (Libc.Recv(fd, &reply, 1, Libc.MSG_DONTWAIT) >= 0)
        {
            return (true, ConnectedOutcome(fd, remote, family, isUdp: true), 0);
        }

        var errno = Marshal.GetLastPInvokeError();
        if (TryReadIcmp(fd, isUdp: true, out var icmp))
        {
            return (true, icmp, 0);
        }

        return errno == Errno.EAGAIN ? (false, default, 0) : Classified(errno, isUdp: true);
    }

    private static Started Await(EpollLoop loop, int fd, bool isUdp, int family, ReadOnlySpan<byte> remote, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var operation = loop.Rent();
        var deadline = Stopwatch.GetTimestamp() + ToStopwatchTicks(timeout);
        var generation = operation.Begin(fd, isUdp, family, remote, deadline);
        var version = operation.Version;

        // Setup: from here the operation may be decided by cancellation or its deadline, but its socket stays open until
        // the setup hold is released below.
        operation.RegisterCancellation(cancellationToken);
        var errno = loop.Arm(operation, generation);
        if (errno != 0 && operation.TryDecide(generation))
        {
            operation.Decide(default, Errno.ToException(errno, "epoll_ctl"));
        }

        operation.Release();
        return new Started(operation, version);
    }

    // Saturates instead of overflowing, so a timeout of days (or TimeSpan.MaxValue) means "practically never".
    private static long ToStopwatchTicks(TimeSpan timeout)
    {
        var ticks = timeout.TotalSeconds * Stopwatch.Frequency;
        return ticks >= long.MaxValue / 4 ? long.MaxValue / 4 : (long)ticks;
    }

    /// <summary>
    /// Decides the outcome of a probe whose socket epoll reported ready (called by the decider on a loop thread).
    /// Returns false with an errno for a failure that says nothing about the port.
    /// </summary>
    internal bool TryDecideReady(ProbeOperation operation, out ProbeOutcome outcome, out int errno)
    {
        errno = 0;
        if (operation.IsUdp)
        {
            var (ready, udpOutcome, udpErrno) = ReadUdp(operation.Fd, operation.Remote, operation.Family);

            // Readiness without data or error: treat as silence, the outcome a timeout would give.
            outcome = ready ? udpOutcome : OutcomeClassifier.Silence(isUdp: true);
            errno = udpErrno;
            return udpErrno == 0;
        }

        // An ICMP error in the queue answers the SYN even while the socket itself still waits (ICMPv6 during the
        // connect call is only a "soft" error until the SYN is retransmitted; the queue has it at once).
        if (TryReadIcmp(operation.Fd, isUdp: false, out outcome))
        {
            return true;
        }

        var length = sizeof(int);
        var error = 0;
        if (Libc.GetSockOpt(operation.Fd, Libc.SOL_SOCKET, Libc.SO_ERROR, &error, &length) != 0)
        {
            error = Marshal.GetLastPInvokeError();
        }

        if (error == 0)
        {
            outcome = ConnectedOutcome(operation.Fd, operation.Remote, operation.Family, isUdp: false);
            return true;
        }

        if (OutcomeClassifier.TryClassify(Errno.ToSocketError(error), isUdp: false, out outcome))
        {
            return true;
        }

        errno = error;
        return false;
    }

    // Called for every established TCP connection (just before its socket is closed) and every UDP datagram received.
    private ProbeOutcome ConnectedOutcome(int fd, ReadOnlySpan<byte> remote, int family, bool isUdp)
    {
        if (!isUdp)
        {
            // Linger {1,0} makes close() send a reset: no FIN handshake, no TIME_WAIT, the port's listener sees an abort.
            // Only an established connection needs it, so it is set here rather than on every socket.
            var linger = s_resetOnClose;
            Libc.SetSockOpt(fd, Libc.SOL_SOCKET, Libc.SO_LINGER, &linger, sizeof(Libc.Linger));
        }

        // The socket's own port is the probed one on the probed address: it connected to (or heard) itself.
        var local = stackalloc byte[Interop.SocketAddress.MaxSize];
        var length = Interop.SocketAddress.MaxSize;
        if (Libc.GetSockName(fd, local, &length) == 0
            && Interop.SocketAddress.IsSameEndpoint(new ReadOnlySpan<byte>(local, length), remote, family))
        {
            Interlocked.Increment(ref _selfConnects);
            return OutcomeClassifier.ConnectedToItself;
        }

        return isUdp ? OutcomeClassifier.Answered : OutcomeClassifier.Accepted;
    }

    // The ICMP error at the head of the socket's error queue, if there is one.
    private static bool TryReadIcmp(int fd, bool isUdp, out ProbeOutcome outcome)
    {
        if (ErrorQueue.TryRead(fd, out _, out var origin, out var type, out var code)
            && (origin == ErrorQueue.OriginIcmp || origin == ErrorQueue.OriginIcmp6))
        {
            outcome = OutcomeClassifier.ClassifyIcmp(origin == ErrorQueue.OriginIcmp6, type, code, isUdp);
            return true;
        }

        outcome = default;
        return false;
    }

    private static (bool Settled, ProbeOutcome Outcome, int Errno) Classified(int errno, bool isUdp)
        => OutcomeClassifier.TryClassify(Errno.ToSocketError(errno), isUdp, out var outcome) ? (true, outcome, 0) : (true, default, errno);
}
