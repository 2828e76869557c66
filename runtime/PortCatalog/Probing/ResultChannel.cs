using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;

namespace PortCatalog.Probing;

/// <summary>
/// An unbounded many-writer, single-reader queue of scan results with an allocation-free wait: what
/// System.Threading.Channels offers, kept here because netstandard2.0 has no Channels without another package.
/// </summary>
internal sealed class ResultChannel : IValueTaskSource<bool>
{
    private readonly object _lock = new();
    private readonly Queue<PortResult> _items = new();
    private ManualResetValueTaskSourceCore<bool> _waiter;
    private bool _readerWaiting;
    private bool _completed;
    private Exception? _error;

    public ResultChannel()
    {
        // The reader's continuation must not run on the writer's thread (a scan lane or an engine thread).
        _waiter.RunContinuationsAsynchronously = true;
    }

    public void Write(in PortResult result)
    {
        bool wake;
        lock (_lock)
        {
            _items.Enqueue(result);
            wake = _readerWaiting;
            _readerWaiting = false;
        }

        if (wake)
        {
            _waiter.SetResult(true);
        }
    }

    /// <summary>Ends the stream; the reader sees the remaining items, then <paramref name="error"/> if there is one.</summary>
    public void Complete(Exception? error)
    {
        bool wake;
        lock (_lock)
        {
            _completed = true;
            _error = error;
            wake = _readerWaiting;
            _readerWaiting = false;
        }

        if (wake)
        {
            _waiter.SetResult(true);
        }
    }

    public bool TryRead(out PortResult result)
    {
        lock (_lock)
        {
            if (_items.Count > 0)
            {
                result = _items.Dequeue();
                return true;
            }
        }

        result = default;
        return false;
    }

    /// <summary>True when an item can be read; false when the stream has ended; throws the scan's error, if any.</summary>
    public ValueTask<bool> WaitToReadAsync()
    {
        lock (_lock)
        {
            if (_items.Count > 0)
            {
                return new ValueTask<bool>(true);
            }

            if (_completed)
            {
                if (_error is not null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(_error).Throw();
                }

                return new ValueTask<bool>(false);
            }

            _waiter.Reset();
            _readerWaiting = true;
            return new ValueTask<bool>(this, _waiter.Version);
        }
    }

    // A woken reader re-checks under the lock, so the result is always "look again".
    bool IValueTaskSource<bool>.GetResult(short token)
    {
        _waiter.GetResult(token);
        return true;
    }

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _waiter.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        => _waiter.OnCompleted(continuation, state, token, flags);
}
