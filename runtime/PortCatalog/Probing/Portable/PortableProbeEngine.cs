using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace PortCatalog.Probing;

/// <summary>
/// The probe engine for every platform, over System.Net.Sockets: one socket per probe (a socket cannot be reused
/// after a failed connect on Unix), driven by pooled <see cref="PortableProbeOperation"/>s that are their own
/// <see cref="System.Threading.Tasks.Sources.IValueTaskSource{TResult}"/> and reuse their destination's
/// <see cref="SocketAddress"/>, so a probe allocates only what System.Net.Sockets allocates per socket and per connect
/// (listed in Probing/README.md).
/// </summary>
internal sealed class PortableProbeEngine : IProbeEngine
{
    // Enough to keep a wide scan window warm without holding thousands of idle timers after a burst.
    private const int MaxPooledOperations = 1024;

    private readonly Stack<PortableProbeOperation> _pool = new();
    private bool _disposed;

    public ValueTask<ProbeOutcome> ProbeTcpAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Canceled(cancellationToken);
        }

        return Rent().StartTcp(address, port, timeout, cancellationToken);
    }

    public ValueTask<ProbeOutcome> ProbeUdpAsync(IPAddress address, int port, ReadOnlyMemory<byte> payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Canceled(cancellationToken);
        }

        return Rent().StartUdp(address, port, payload, timeout, cancellationToken);
    }

    public ValueTask<PortState> ProbeTcpStateAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken)
        => StateOf(ProbeTcpAsync(address, port, timeout, cancellationToken));

    public ValueTask<PortState> ProbeUdpStateAsync(IPAddress address, int port, ReadOnlyMemory<byte> payload, TimeSpan timeout, CancellationToken cancellationToken)
        => StateOf(ProbeUdpAsync(address, port, payload, timeout, cancellationToken));

    /// <summary>Nothing to do: this engine keeps no socket between probes.</summary>
    public void ReleaseIdleSockets()
    {
    }

    /// <summary>Releases the pooled operations. Probes in flight finish normally and release theirs as they return.</summary>
    public void Dispose()
    {
        PortableProbeOperation[] idle;
        lock (_pool)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            idle = _pool.ToArray();
            _pool.Clear();
        }

        foreach (var operation in idle)
        {
            operation.Retire();
        }
    }

    internal void Return(PortableProbeOperation operation)
    {
        lock (_pool)
        {
            if (!_disposed && _pool.Count < MaxPooledOperations)
            {
                _pool.Push(operation);
                return;
            }
        }

        operation.Retire();
    }

    private PortableProbeOperation Rent()
    {
        lock (_pool)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(PortableProbeEngine));
            }

            if (_pool.Count > 0)
            {
                return _pool.Pop();
            }
        }

        return new PortableProbeOperation(this);
    }

    // System.Net.Sockets allocates per socket anyway; the state machine box here is pooled on .NET 6+.
    private static ValueTask<PortState> StateOf(ValueTask<ProbeOutcome> probe)
        => probe.IsCompletedSuccessfully ? new ValueTask<PortState>(probe.Result.State) : AwaitState(probe);

#if NET
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    private static async ValueTask<PortState> AwaitState(ValueTask<ProbeOutcome> probe) => (await probe.ConfigureAwait(false)).State;

    private static ValueTask<ProbeOutcome> Canceled(CancellationToken cancellationToken)
    {
#if NET
        return ValueTask.FromCanceled<ProbeOutcome>(cancellationToken);
#else
        return new ValueTask<ProbeOutcome>(Task.FromCanceled<ProbeOutcome>(cancellationToken));
#endif
    }
}
