using System;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;

namespace PortCatalog.Probing;

/// <summary>
/// One probe in flight on the Linux engine: its socket, deadline and awaitable completion. Instances are pooled by
/// their <see cref="EpollLoop"/> and reused for the life of the process, so a warm probe allocates nothing.
/// </summary>
/// <remarks>
/// The lifecycle, in the words both engines use (<see cref="PortableProbeOperation"/> too): a use is <c>Pending</c>
/// until one party wins <see cref="TryDecide"/> and so <c>Decided</c> it; two <em>holds</em> keep the socket open, and
/// whoever calls the last <see cref="Release"/> completes the probe (closes the socket, publishes the outcome).
/// Three parties race to decide: the loop (socket readiness, or the deadline passing), a cancellation callback,
/// and engine disposal. Deciding is a compare-and-swap on <c>(generation &lt;&lt; 1) | decided</c>, so a stale event for
/// an earlier use of this pooled object can never decide the current one. The holds are the setup (by the thread that
/// started the probe) and the decider; that is what makes it safe to arm epoll after cancellation may already have
/// run: the descriptor cannot have been closed and reused.
/// </remarks>
internal sealed class ProbeOperation : IValueTaskSource<ProbeOutcome>, IValueTaskSource<PortState>
{
    private const int GenerationMask = 0x3FFF_FFFF;

    private readonly EpollLoop _loop;
    private ManualResetValueTaskSourceCore<ProbeOutcome> _core;
    private int _generation;
    private int _state;
    private int _holds;
    private ProbeOutcome _outcome;
    private Exception? _error;
    private CancellationTokenRegistration _cancellation;

    public ProbeOperation(EpollLoop loop, int slot)
    {
        _loop = loop;
        Slot = slot;
        // Continuations go to the thread pool: user code after an await must never run on (and stall) an epoll thread.
        _core.RunContinuationsAsynchronously = true;
    }

    /// <summary>This object's index in its loop's registry; epoll events carry it with the generation.</summary>
    public int Slot { get; }

    /// <summary>The socket; valid from <see cref="Begin"/> until the operation finishes.</summary>
    public int Fd { get; private set; } = -1;

    /// <summary>True for a UDP probe (readable means a reply or an ICMP error), false for TCP (writable means connected or refused).</summary>
    public bool IsUdp { get; private set; }

    /// <summary>AF_INET or AF_INET6.</summary>
    public int Family { get; private set; }

    /// <summary>The remote <c>sockaddr</c>, to recognise a loopback connection to itself.</summary>
    public byte[] Remote { get; } = new byte[Interop.SocketAddress.MaxSize];

    /// <summary>When the probe times out, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public long Deadline { get; private set; }

    /// <summary>The position in the loop's deadline heap, or -1 when not in it. Guarded by the loop's lock.</summary>
    public int HeapIndex { get; set; } = -1;

    /// <summary>The generation of the current use; an epoll event is for this use only if it carries the same one.</summary>
    public int Generation => Volatile.Read(ref _generation);

    /// <summary>The value the awaiter's token must match.</summary>
    public short Version => _core.Version;

    /// <summary>Starts a new use of this object for the socket <paramref name="fd"/>; the caller holds the setup hold.</summary>
    public int Begin(int fd, bool isUdp, int family, ReadOnlySpan<byte> remote, long deadline)
    {
        var generation = (_generation + 1) & GenerationMask;
        Fd = fd;
        IsUdp = isUdp;
        Family = family;
        remote.CopyTo(Remote);
        Deadline = deadline;
        _outcome = default;
        _error = null;
        _holds = 2;
        Volatile.Write(ref _state, generation << 1);
        Volatile.Write(ref _generation, generation);
        return generation;
    }

    /// <summary>Registers for cancellation; part of setup, before the setup hold is released.</summary>
    public void RegisterCancellation(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(static (state, token) =>
            {
                var operation = (ProbeOperation)state!;
                if (operation.TryDecide(operation.Generation))
                {
                    operation.Decide(default, new OperationCanceledException(token));
                }
            }, this);
        }
    }

    /// <summary>Takes the exclusive right to decide this use's outcome (Pending → Decided); false if it is taken or the use is over.</summary>
    public bool TryDecide(int generation)
    {
        var pending = generation << 1;
        return Interlocked.CompareExchange(ref _state, pending | 1, pending) == pending;
    }

    /// <summary>True while no one has decided the use <paramref name="generation"/>.</summary>
    public bool IsPending(int generation) => Volatile.Read(ref _state) == generation << 1;

    /// <summary>Called once by the decider: records the outcome (or the error) and releases the decider's hold.</summary>
    public void Decide(ProbeOutcome outcome, Exception? error)
    {
        _outcome = outcome;
        _error = error;
        Release();
    }

    /// <summary>Releases one of the two holds; the last release finishes the probe.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _holds) == 0)
        {
            Complete();
        }
    }

    private void Complete()
    {
        _loop.RemoveDeadline(this);
        // Waits for a cancellation callback running on another thread, so none can touch this object once it is reused.
        _cancellation.Dispose();
        _cancellation = default;
        Interop.Libc.Close(Fd);
        Fd = -1;
        if (_error is { } error)
        {
            _error = null;
            _core.SetException(error);
        }
        else
        {
            _core.SetResult(_outcome);
        }
    }

    public ProbeOutcome GetResult(short token)
    {
        try
        {
            return _core.GetResult(token);
        }
        finally
        {
            _core.Reset();
            _loop.Return(this);
        }
    }

    // The single-probe API that returns only the state awaits the same operation through this interface.
    PortState IValueTaskSource<PortState>.GetResult(short token) => GetResult(token).State;

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);
}
