using System;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;

namespace PortCatalog.Probing;

/// <summary>
/// The pause between two attempts of one wait, reusable: one <see cref="Timer"/>, one cancellation registration and
/// one <see cref="IValueTaskSource"/> per wait, so a pause allocates nothing (<see cref="Task.Delay(int)"/> would cost a
/// task and a timer each time).
/// </summary>
/// <remarks>
/// A pause ends when the timer fires or the token is cancelled, whichever first swaps <see cref="_armed"/> from 1 to 0;
/// the other finds 0 and does nothing. The timer is one-shot (no period), so it fires at most once per arming.
/// </remarks>
internal sealed class WaitDelay : IValueTaskSource, IDisposable
{
    private static readonly TimerCallback s_onTimer = static state => ((WaitDelay)state!).Complete(canceled: false);

    private readonly Timer _timer;
    private readonly CancellationToken _cancellationToken;
    private readonly CancellationTokenRegistration _registration;
    private ManualResetValueTaskSourceCore<bool> _core; // a mutable struct: never make this readonly
    private int _armed;

    public WaitDelay(CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        _timer = new Timer(s_onTimer, this, Timeout.Infinite, Timeout.Infinite);
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.Register(static state => ((WaitDelay)state!).Complete(canceled: true), this);
        }
    }

    /// <summary>Pauses for <paramref name="milliseconds"/> (at least 1), or until the token is cancelled (then throws <see cref="OperationCanceledException"/>).</summary>
    public ValueTask PauseAsync(long milliseconds)
    {
        _core.Reset();
        Volatile.Write(ref _armed, 1);
        _timer.Change(Math.Max(1, milliseconds), Timeout.Infinite);

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
        _timer.Dispose();
    }

    private void Complete(bool canceled)
    {
        if (Interlocked.Exchange(ref _armed, 0) != 1)
        {
            return;
        }

        // The timer's callback already runs on a thread-pool thread: the wait's next attempt may run right there, which
        // saves queueing it to another thread at every pause. A cancellation may come from any thread (the caller's
        // Cancel()), so its continuation is queued instead of running inside Cancel().
        _core.RunContinuationsAsynchronously = canceled;
        if (canceled)
        {
            _core.SetException(new OperationCanceledException(_cancellationToken));
        }
        else
        {
            _core.SetResult(true);
        }
    }
}
