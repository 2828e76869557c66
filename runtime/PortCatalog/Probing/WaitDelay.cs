using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;

namespace PortCatalog.Probing;

/// <summary>
/// The pause between two attempts of one wait, reusable: one cancellation registration and one
/// <see cref="IValueTaskSource"/> per wait, scheduled on the process-wide <see cref="WaitClock"/>, so a pause allocates
/// nothing (<see cref="Task.Delay(int)"/> would cost a task and a timer each time).
/// </summary>
/// <remarks>
/// A pause ends when the clock ends it or the token is cancelled, whichever first swaps <see cref="_armed"/> from 1 to
/// 0; the other finds 0 and does nothing.
/// </remarks>
internal sealed class WaitDelay : IValueTaskSource, IDisposable
{
    private readonly CancellationToken _cancellationToken;
    private readonly CancellationTokenRegistration _registration;
    private ManualResetValueTaskSourceCore<bool> _core; // a mutable struct: never make this readonly
    private int _armed;

    public WaitDelay(CancellationToken cancellationToken)
    {
        // Never run a wait's next attempt (or, when it ends, its caller's code) inside the clock's callback, which ends
        // other waits' pauses too, nor inside the caller's Cancel().
        _core.RunContinuationsAsynchronously = true;
        _cancellationToken = cancellationToken;
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.Register(static state => ((WaitDelay)state!).Complete(canceled: true), this);
        }
    }

    // WaitClock's bookkeeping, read and written under its lock: when the pause ends (Stopwatch ticks), the earliest it
    // may end, and where it sits in the clock's heap (-1: not scheduled).
    internal long Due { get; set; }

    internal long EarliestEnd { get; set; }

    internal int HeapIndex { get; set; } = -1;

    /// <summary>
    /// Pauses for <paramref name="milliseconds"/> (at least 1; up to a quarter less when another pause ends then), or
    /// until the token is cancelled (then throws <see cref="OperationCanceledException"/>).
    /// </summary>
    public ValueTask PauseAsync(long milliseconds)
    {
        _core.Reset();
        Volatile.Write(ref _armed, 1);
        var ticks = (long)(Math.Max(1, milliseconds) * (Stopwatch.Frequency / 1000.0));
        WaitClock.Schedule(this, Stopwatch.GetTimestamp() + ticks, ticks / 4);

        // A token cancelled before this pause was armed has already run its callback and found nothing armed.
        if (_cancellationToken.IsCancellationRequested)
        {
            Complete(canceled: true);
        }

        return new ValueTask(this, _core.Version);
    }

    public void GetResult(short token) => _core.GetResult(token);

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _core.OnCompleted(continuation, state, token, flags);

    public void Dispose()
    {
        _registration.Dispose();
        WaitClock.Unschedule(this);
    }

    /// <summary>Ends the pending pause, if any: normally (from the clock) or cancelled.</summary>
    internal void Complete(bool canceled)
    {
        if (Interlocked.Exchange(ref _armed, 0) != 1)
        {
            return;
        }

        if (canceled)
        {
            WaitClock.Unschedule(this);
            _core.SetException(new OperationCanceledException(_cancellationToken));
        }
        else
        {
            _core.SetResult(true);
        }
    }
}
