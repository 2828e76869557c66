using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using PortCatalog.Interop;

namespace PortCatalog.Probing;

/// <summary>
/// One epoll instance with its own thread, pool of <see cref="ProbeOperation"/>s and deadline heap. The Linux engine
/// runs one per core and spreads probes over them. The thread waits for socket readiness or the earliest deadline,
/// decides outcomes, and completes the waiting probes (whose continuations then run on the thread pool).
/// </summary>
internal sealed unsafe class EpollLoop : IDisposable
{
    private const int MaxEvents = 256;

    // epoll data for the wake-up eventfd; probe events carry (slot << 32) | generation, and generations are < 2^30.
    private const ulong WakeToken = ulong.MaxValue;

    private readonly LinuxProbeEngine _engine;
    private readonly int _epoll;
    private readonly int _wakeFd;
    private readonly Thread _thread;
    private readonly object _lock = new();
    private readonly DeadlineHeap _deadlines = new();
    private ProbeOperation[] _registry = new ProbeOperation[64];
    private int _registered;
    private int[] _free = new int[64];
    private int _freeCount;

    private readonly SpareSockets _spares = new();

    // When the loop thread will next wake on its own (Stopwatch ticks); long.MinValue while it is awake and working.
    // A probe with an earlier deadline must wake it through the eventfd. Guarded by _lock.
    private long _sleepUntil = long.MinValue;
    private volatile bool _disposed;

    public EpollLoop(LinuxProbeEngine engine, int index)
    {
        _engine = engine;
        _epoll = Libc.EpollCreate1(Libc.EPOLL_CLOEXEC);
        if (_epoll < 0)
        {
            throw Errno.ToException(Marshal.GetLastPInvokeError(), "epoll_create1");
        }

        _wakeFd = Libc.EventFd(0, Libc.EFD_CLOEXEC | Libc.EFD_NONBLOCK);
        if (_wakeFd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            Libc.Close(_epoll);
            throw Errno.ToException(errno, "eventfd");
        }

        var ev = stackalloc byte[16];
        EpollEvent.Write(ev, Libc.EPOLLIN, WakeToken);
        Libc.EpollCtl(_epoll, Libc.EPOLL_CTL_ADD, _wakeFd, ev);

        _thread = new Thread(Run) { IsBackground = true, Name = $"PortCatalog epoll {index}" };
        _thread.UnsafeStart();
    }

    /// <summary>Takes a spare TCP socket of <paramref name="family"/> whose last connect was refused, or returns -1.</summary>
    public int TakeSpareSocket(int family) => _spares.TryTake(family);

    /// <summary>Keeps a refused TCP socket for the next probe, or closes it when its family's slots are taken.</summary>
    public void ReturnSpareSocket(int family, int fd)
    {
        if (_disposed || !_spares.TryReturn(family, fd))
        {
            Libc.Close(fd);
            return;
        }

        // The loop may be asleep with no timeout; it must wake to expire this spare some time.
        if (Volatile.Read(ref _sleepUntil) == long.MaxValue)
        {
            Wake();
        }
    }

    /// <summary>Closes every spare socket now (a scan ended: it leaves no socket open behind it).</summary>
    public void CloseSpareSockets() => _spares.CloseAll();

    /// <summary>Takes a pooled operation (creating one while the pool warms up).</summary>
    public ProbeOperation Rent()
    {
        lock (_lock)
        {
            if (_freeCount > 0)
            {
                return _registry[_free[--_freeCount]];
            }

            if (_registered == _registry.Length)
            {
                // Readers index the registry without the lock; they may keep the old array, which holds every slot they can see.
                var grown = new ProbeOperation[_registry.Length * 2];
                Array.Copy(_registry, grown, _registered);
                Volatile.Write(ref _registry, grown);
                Array.Resize(ref _free, grown.Length);
            }

            var operation = new ProbeOperation(this, _registered);
            _registry[_registered++] = operation;
            return operation;
        }
    }

    /// <summary>Gives an operation back after its awaiter has read the result.</summary>
    public void Return(ProbeOperation operation)
    {
        lock (_lock)
        {
            _free[_freeCount++] = operation.Slot;
        }
    }

    /// <summary>
    /// Arms a started operation: puts it in the deadline heap (waking the thread if it is now the earliest) and adds its
    /// socket to epoll. Runs during setup, so the socket is still open. Returns the errno of a failed epoll_ctl, else 0.
    /// </summary>
    public int Arm(ProbeOperation operation, int generation)
    {
        var wake = false;
        lock (_lock)
        {
            _deadlines.Add(operation);
            if (operation.Deadline < _sleepUntil)
            {
                _sleepUntil = operation.Deadline;
                wake = true;
            }
        }

        if (wake)
        {
            Wake();
        }

        var ev = stackalloc byte[16];
        EpollEvent.Write(ev, operation.IsUdp ? Libc.EPOLLIN : Libc.EPOLLOUT, ((ulong)(uint)operation.Slot << 32) | (uint)generation);
        return Libc.EpollCtl(_epoll, Libc.EPOLL_CTL_ADD, operation.Fd, ev) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>Takes a finishing operation out of the deadline heap if it is still there.</summary>
    public void RemoveDeadline(ProbeOperation operation)
    {
        lock (_lock)
        {
            if (operation.HeapIndex >= 0)
            {
                _deadlines.Remove(operation);
            }
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Wake();
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }

        // Fail whatever is still in flight; each use's holds close its socket.
        var registry = Volatile.Read(ref _registry);
        for (var i = 0; i < registry.Length && registry[i] is { } operation; i++)
        {
            var generation = operation.Generation;
            if (operation.TryDecide(generation))
            {
                operation.Decide(default, new ObjectDisposedException(nameof(LinuxProbeEngine)));
            }
        }

        _spares.CloseAll();
        Libc.Close(_wakeFd);
        Libc.Close(_epoll);
    }

    private void Wake()
    {
        ulong one = 1;
        Libc.Write(_wakeFd, &one, sizeof(ulong));
    }

    private void Run()
    {
        var events = (byte*)NativeMemory.Alloc((nuint)(MaxEvents * EpollEvent.Size));
        try
        {
            while (!_disposed)
            {
                int timeout;
                lock (_lock)
                {
                    if (_deadlines.Count == 0)
                    {
                        _sleepUntil = long.MaxValue;
                        timeout = -1;
                    }
                    else
                    {
                        var deadline = _deadlines.Peek().Deadline;
                        _sleepUntil = deadline;
                        timeout = MillisecondsUntil(deadline);
                    }
                }

                // Pairs with ReturnSpareSocket (store the spare, then read _sleepUntil): either that sees "asleep for
                // good" and wakes this thread, or this sees the spare and sleeps only until it may expire.
                Interlocked.MemoryBarrier();
                if (_spares.Any())
                {
                    var sweep = MillisecondsUntil(Stopwatch.GetTimestamp() + SpareSockets.Lifetime);
                    timeout = timeout < 0 ? sweep : Math.Min(timeout, sweep);
                }

                var count = Libc.EpollWait(_epoll, events, MaxEvents, timeout);
                lock (_lock)
                {
                    _sleepUntil = long.MinValue;
                }

                for (var i = 0; i < count; i++)
                {
                    var data = EpollEvent.ReadData(events, i);
                    if (data == WakeToken)
                    {
                        ulong drained;
                        Libc.Read(_wakeFd, &drained, sizeof(ulong));
                        continue;
                    }

                    var registry = Volatile.Read(ref _registry);
                    var operation = registry[(int)(data >> 32)];
                    var generation = (int)(uint)data;
                    if (operation.TryDecide(generation))
                    {
                        if (_engine.TryDecideReady(operation, out var outcome, out var errno))
                        {
                            operation.Decide(outcome, null);
                        }
                        else
                        {
                            operation.Decide(default, Errno.ToException(errno, operation.IsUdp ? "recv" : "connect"));
                        }
                    }
                }

                ExpireDeadlines();
                _spares.Expire(Stopwatch.GetTimestamp());
            }
        }
        finally
        {
            NativeMemory.Free(events);
        }
    }

    private void ExpireDeadlines()
    {
        var now = Stopwatch.GetTimestamp();
        while (true)
        {
            ProbeOperation expired;
            int generation;
            lock (_lock)
            {
                if (_deadlines.Count == 0 || _deadlines.Peek().Deadline > now)
                {
                    return;
                }

                expired = _deadlines.Peek();
                _deadlines.Remove(expired);
                generation = expired.Generation;
            }

            if (expired.TryDecide(generation))
            {
                expired.Decide(OutcomeClassifier.Silence(expired.IsUdp), null);
            }
        }
    }

    private static int MillisecondsUntil(long deadline)
    {
        var remaining = deadline - Stopwatch.GetTimestamp();
        if (remaining <= 0)
        {
            return 0;
        }

        // Round up so the loop never wakes just before the deadline and spins.
        var milliseconds = ((remaining * 1000) + Stopwatch.Frequency - 1) / Stopwatch.Frequency;
        return (int)Math.Min(milliseconds, int.MaxValue);
    }
}
