using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;

namespace PortCatalog.Probing;

/// <summary>
/// One probe in flight for <see cref="PortableProbeEngine"/>: a pooled <see cref="SocketAsyncEventArgs"/> that is also
/// the <see cref="IValueTaskSource{TResult}"/> the caller awaits, so a probe costs no task, closure or event-args object.
/// </summary>
/// <remarks>
/// <para>
/// The lifecycle, in the words both engines use (<c>ProbeOperation</c> on Linux too): a probe is <c>Pending</c>
/// until one party moves <see cref="_state"/> to a decided state; two <em>holds</em> keep it alive, and whoever calls the
/// last <see cref="Release"/> completes it. Three parties can decide: the socket operation completing, the timeout
/// timer and the caller's cancellation token. The timer and the token decide by closing the socket, which makes the
/// pending socket operation complete with <c>OperationAborted</c>.
/// </para>
/// <para>
/// The operation must not be recycled while the socket operation is still running (the event args would be reused
/// under it) or while the timer or token callback is still closing the socket (it could close the next probe's socket).
/// The two holds are "the socket operation has completed" and "the outcome has been decided".
/// </para>
/// <para>
/// The timer does not decide while the socket already has its answer (a completion the thread pool has not run yet,
/// which happens with thousands of probes in flight and millisecond timeouts): an answer that arrived wins.
/// </para>
/// </remarks>
internal sealed class PortableProbeOperation : SocketAsyncEventArgs, IValueTaskSource<ProbeOutcome>
{
    private const int Idle = 0;
    private const int Pending = 1;
    private const int Decided = 2; // by the socket operation's completion
    private const int TimedOut = 3;
    private const int Canceled = 4;

    // Linux socket options (linux/in.h, linux/in6.h): report every ICMP error to a connected UDP socket.
    private const int SolIp = 0;
    private const int IpRecvErr = 11;
    private const int SolIpv6 = 41;
    private const int Ipv6RecvErr = 25;

    // A reply only has to arrive; its bytes are never read, so a few are enough. A longer datagram is truncated
    // (Linux) or reported as MessageSize (Windows); both count as a reply.
    private const int ReceiveBufferSize = 16;

    private static readonly TimerCallback s_onTimer = static state => ((PortableProbeOperation)state!).OnTimer();
    private static readonly Action<object?> s_onCanceled = static state => ((PortableProbeOperation)state!).OnCanceled();

    // SO_LINGER {1, 0}: closing a connected socket sends RST, so probing an open port leaves nothing in TIME_WAIT.
    private static readonly LingerOption s_resetOnClose = new(true, 0);

    private readonly PortableProbeEngine _owner;
    private readonly ReusableIPEndPoint _remote = new(); // serializes into the same SocketAddress for every probe
    private readonly byte[] _receiveBuffer = new byte[ReceiveBufferSize];
    private readonly Timer _timer;

    private ManualResetValueTaskSourceCore<ProbeOutcome> _core; // a mutable struct: never make this readonly
    private Socket? _socket;
    private bool _isUdp;
    private bool _receiving;
    private int _state;
    private int _holds;
    private long _deadline;
    private int _dueMilliseconds;
    private int _sent; // 1 once the connect or datagram is on its way; the timeout runs from then
    private ProbeOutcome _result;
    private Exception? _failure;
    private CancellationToken _cancellationToken;
    private CancellationTokenRegistration _registration;

    public PortableProbeOperation(PortableProbeEngine owner)
#if NET
        // The awaiter's continuation flows the caller's ExecutionContext through _core; the socket callback needs none.
        : base(unsafeSuppressExecutionContextFlow: true)
#endif
    {
        _owner = owner;
        _timer = new Timer(s_onTimer, this, Timeout.Infinite, Timeout.Infinite);
    }

    public ValueTask<ProbeOutcome> StartTcp(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = CreateSocket(address, SocketType.Stream, ProtocolType.Tcp);

        _isUdp = false;
        _receiving = false;
        _remote.Set(address, port);
        RemoteEndPoint = _remote;
        SetBuffer(null, 0, 0); // a buffer would be sent as data once connected
        Arm(socket, timeout, cancellationToken);
        return Launch(socket);
    }

    public ValueTask<ProbeOutcome> StartUdp(IPAddress address, int port, ReadOnlyMemory<byte> payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = CreateSocket(address, SocketType.Dgram, ProtocolType.Udp);

        _isUdp = true;
        _receiving = false;
        _remote.Set(address, port);
        SetSendBuffer(payload);
        Arm(socket, timeout, cancellationToken);
        return Launch(socket);
    }

    // Issues the armed probe: the connect (TCP) or the datagram (UDP). Completes at once when the OS answers at once.
    private ValueTask<ProbeOutcome> Launch(Socket socket)
    {
        bool pending;
        try
        {
            if (_isUdp)
            {
                // Connecting a UDP socket only fixes its peer; it sends nothing, but it is what makes the kernel report
                // an ICMP port unreachable to this socket (ECONNREFUSED on Unix, ConnectionReset on Windows).
                socket.Connect(_remote);
                pending = socket.SendAsync(this);
            }
            else
            {
                pending = socket.ConnectAsync(this);
            }

            MarkSent();
        }
        catch (SocketException e)
        {
            return Complete(e.SocketErrorCode);
        }
        catch (ObjectDisposedException)
        {
            // The timer or the token closed the socket before the probe left; that party decided the outcome.
            return Complete(SocketError.OperationAborted);
        }

        return pending ? new ValueTask<ProbeOutcome>(this, _core.Version) : Complete(SocketError);
    }

    /// <summary>Disposes the timer and the event args for good; only for operations that are not in flight.</summary>
    public void Retire()
    {
        _timer.Dispose();
        Dispose();
    }

    ProbeOutcome IValueTaskSource<ProbeOutcome>.GetResult(short token)
    {
        if (token != _core.Version)
        {
            // Awaiting a pooled probe twice, or after it was recycled, is a caller bug; never recycle twice for it.
            throw new InvalidOperationException("A probe's ValueTask was awaited more than once.");
        }

        try
        {
            return _core.GetResult(token);
        }
        finally
        {
            ResetForPool();
            _owner.Return(this);
        }
    }

    ValueTaskSourceStatus IValueTaskSource<ProbeOutcome>.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<ProbeOutcome>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);

    protected override void OnCompleted(SocketAsyncEventArgs e) => OnSocketOperationCompleted(SocketError);

    private Socket CreateSocket(IPAddress address, SocketType socketType, ProtocolType protocolType)
    {
        Socket? socket = null;
        try
        {
            socket = new Socket(address.AddressFamily, socketType, protocolType);
            if (address.IsIPv4MappedToIPv6)
            {
                // An IPv4-mapped destination needs IPV6_V6ONLY off, which .NET turns on for every IPv6 socket it creates.
                socket.DualMode = true;
            }

            if (protocolType == ProtocolType.Tcp)
            {
                socket.LingerState = s_resetOnClose;
            }
#if NET
            else if (OperatingSystem.IsLinux())
            {
                // Without IP_RECVERR Linux tells a connected UDP socket only about "hard" ICMP errors (port and protocol
                // unreachable); host and network unreachable would look like silence (open|filtered) instead of filtered.
                Span<byte> on = stackalloc byte[] { 1, 0, 0, 0 };
                if (address.AddressFamily == AddressFamily.InterNetwork || address.IsIPv4MappedToIPv6)
                {
                    socket.SetRawSocketOption(SolIp, IpRecvErr, on);
                }

                if (address.AddressFamily == AddressFamily.InterNetworkV6)
                {
                    socket.SetRawSocketOption(SolIpv6, Ipv6RecvErr, on);
                }
            }
#endif

            return socket;
        }
        catch
        {
            // Out of descriptors or an unsupported family: nothing started, so the operation goes straight back.
            socket?.Dispose();
            _owner.Return(this);
            throw;
        }
    }

    private void SetSendBuffer(ReadOnlyMemory<byte> payload)
    {
#if NET
        SetBuffer(System.Runtime.InteropServices.MemoryMarshal.AsMemory(payload));
#else
        if (System.Runtime.InteropServices.MemoryMarshal.TryGetArray(payload, out var segment))
        {
            SetBuffer(segment.Array, segment.Offset, segment.Count);
        }
        else
        {
            // Native or pooled memory without an array: the slow path copies it once.
            SetBuffer(payload.ToArray(), 0, payload.Length);
        }
#endif
    }

    private void Arm(Socket socket, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _socket = socket;
        _cancellationToken = cancellationToken;
        _holds = 2; // the socket operation's completion + the decision of the outcome
        var dueMilliseconds = ToDueMilliseconds(timeout);
        _deadline = dueMilliseconds == Timeout.Infinite ? long.MaxValue : NowMilliseconds() + dueMilliseconds;
        _dueMilliseconds = dueMilliseconds;
        Volatile.Write(ref _sent, 0);
        Volatile.Write(ref _state, Pending);

        if (cancellationToken.CanBeCanceled)
        {
#if NET
            _registration = cancellationToken.UnsafeRegister(s_onCanceled, this);
#else
            _registration = cancellationToken.Register(s_onCanceled!, this);
#endif
        }

        if (dueMilliseconds != Timeout.Infinite)
        {
            _timer.Change(dueMilliseconds, Timeout.Infinite);
        }
    }

    private ValueTask<ProbeOutcome> Complete(SocketError error)
    {
        var version = _core.Version;
        OnSocketOperationCompleted(error);
        return new ValueTask<ProbeOutcome>(this, version);
    }

    private void OnSocketOperationCompleted(SocketError error)
    {
        // A UDP probe is two socket operations: the send, then the receive that waits for a reply.
        while (_isUdp && !_receiving && error == SocketError.Success && Volatile.Read(ref _state) == Pending)
        {
            _receiving = true;
            SetBuffer(_receiveBuffer, 0, _receiveBuffer.Length);
            try
            {
                if (_socket!.ReceiveAsync(this))
                {
                    return;
                }

                error = SocketError;
            }
            catch (ObjectDisposedException)
            {
                error = SocketError.OperationAborted;
            }
        }

        if (Interlocked.CompareExchange(ref _state, Decided, Pending) == Pending)
        {
            Decide(error);
            Release();
        }

        Release();
    }

    private void Decide(SocketError error)
    {
        if (error == SocketError.Success || (_isUdp && _receiving && error == SocketError.MessageSize))
        {
            // On loopback the kernel may pick the destination port as the source port: the connect then "succeeds" to
            // itself (TCP simultaneous open), or the datagram comes back to this socket. Nothing listened there.
            _result = IsConnectedToItself() ? OutcomeClassifier.ConnectedToItself : _isUdp ? OutcomeClassifier.Answered : OutcomeClassifier.Accepted;
            return;
        }

        if (!OutcomeClassifier.TryClassify(error, _isUdp, out _result))
        {
            // Local trouble (no ephemeral port, no buffer space, ...) says nothing about the port; report it.
            _failure = new SocketException((int)error);
        }
    }

    private bool IsConnectedToItself()
    {
        // Only a connect or a reply that succeeded gets here, so the allocation of LocalEndPoint is off the closed-port path.
        return _socket!.LocalEndPoint is IPEndPoint local
            && local.Port == _remote.Port
            && local.Address.Equals(_remote.Address);
    }

    private void OnTimer()
    {
        if (Volatile.Read(ref _state) != Pending)
        {
            return; // already decided, or a late tick from an earlier probe of this pooled operation
        }

        if (Volatile.Read(ref _sent) == 0)
        {
            // The thread that armed the timer has not issued the connect or send yet (preempted in between): nothing has
            // been asked, so silence means nothing. Look again shortly.
            TryRearm(1);
            return;
        }

        var remaining = Volatile.Read(ref _deadline) - NowMilliseconds();
        if (remaining > 0)
        {
            // A late tick armed for an earlier probe, or a timer that fired a little early: wait out the real deadline.
            TryRearm(remaining);
            return;
        }

        if (HasAnswerWaiting())
        {
            // The answer is there; its completion is queued and will decide. Look again shortly in case it was spurious.
            TryRearm(1);
            return;
        }

        if (Interlocked.CompareExchange(ref _state, TimedOut, Pending) == Pending)
        {
            CloseOnBehalfOfDecision();
        }
    }

    // A probe's time runs from when it leaves, not from when its timer was armed: a thread preempted between the two on a
    // busy machine must not turn an answered port into a silent one. Harmless after a decision (OnTimer reads the state
    // first), and the operation cannot be recycled before its ValueTask is returned to the caller.
    private void MarkSent()
    {
        if (_dueMilliseconds != Timeout.Infinite)
        {
            Volatile.Write(ref _deadline, NowMilliseconds() + _dueMilliseconds);
        }

        Volatile.Write(ref _sent, 1);
    }

    // True when the kernel already holds the probe's answer: a UDP datagram or error to read, a TCP connect that finished.
    private bool HasAnswerWaiting()
    {
        try
        {
            var socket = _socket;
            return socket is not null && (_isUdp
                ? socket.Poll(0, SelectMode.SelectRead)
                : socket.Poll(0, SelectMode.SelectWrite) || socket.Poll(0, SelectMode.SelectError));
        }
        catch (ObjectDisposedException)
        {
            return false; // decided and completed meanwhile
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void TryRearm(long milliseconds)
    {
        try
        {
            _timer.Change(milliseconds, Timeout.Infinite);
        }
        catch (ObjectDisposedException)
        {
            // The probe finished meanwhile and its operation left a disposed engine's pool; nothing to wait for.
        }
    }

    private void OnCanceled()
    {
        if (Interlocked.CompareExchange(ref _state, Canceled, Pending) == Pending)
        {
            CloseOnBehalfOfDecision();
        }
    }

    private void CloseOnBehalfOfDecision()
    {
        // The caller's continuation must not run inline on the timer thread or inside CancellationTokenSource.Cancel.
        _core.RunContinuationsAsynchronously = true;
        _socket!.Dispose(); // safe: the probe cannot finish (and recycle _socket) before this party releases
        Release();
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _holds) == 0)
        {
            Complete();
        }
    }

    private void Complete()
    {
        _timer.Change(Timeout.Infinite, Timeout.Infinite);
        _registration.Dispose(); // waits for a running cancellation callback, so none can touch the next probe
        _registration = default;

        // With SO_LINGER {1, 0} this resets an accepted connection instead of closing it gracefully.
        _socket!.Dispose();
        _socket = null;

        switch (_state)
        {
            case TimedOut:
                _core.SetResult(OutcomeClassifier.Silence(_isUdp));
                break;
            case Canceled:
                _core.SetException(new OperationCanceledException(_cancellationToken));
                break;
            default:
                if (_failure is { } failure)
                {
                    _core.SetException(failure);
                }
                else
                {
                    _core.SetResult(_result);
                }

                break;
        }
    }

    private void ResetForPool()
    {
        _core.Reset();
        _core.RunContinuationsAsynchronously = false;
        _failure = null;
        _cancellationToken = default;
        RemoteEndPoint = null;
        SetBuffer(null, 0, 0); // do not keep the caller's payload alive
        Volatile.Write(ref _state, Idle);
    }

    private static int ToDueMilliseconds(TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return Timeout.Infinite;
        }

        // Round up so a sub-millisecond timeout still waits, and stay below the timer's limit of 2^32 - 2 ms.
        var milliseconds = Math.Ceiling(timeout.TotalMilliseconds);
        return milliseconds >= int.MaxValue ? int.MaxValue - 1 : Math.Max(1, (int)milliseconds);
    }

    private static long NowMilliseconds()
    {
#if NET
        return Environment.TickCount64;
#else
        return (long)(Stopwatch.GetTimestamp() * (1000.0 / Stopwatch.Frequency));
#endif
    }
}
