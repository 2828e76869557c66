using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using PortCatalog.Identification;

namespace PortCatalog.Probing;

/// <summary>
/// One run of a <see cref="PortScanner"/>: a fixed list of targets (hosts × ports × transports, addressed by index so
/// nothing is expanded), a set of lanes that each probe one target at a time, and the counters behind progress and
/// the summary. The number of lanes is the window of probes in flight.
/// </summary>
/// <remarks>
/// Lanes run on the thread pool and take targets from a shared counter. The scan starts one lane per core; a lane
/// whose probe has to wait (it did not finish inside the call) starts another, up to the window. So a scan where
/// answers come at once (nearly every loopback probe on the Linux engine) runs one busy lane per core, using every core
/// with no idle lanes to allocate, while a scan of a slow network opens the whole window. A lane yields its thread
/// every few dozen probes to stay fair.
/// </remarks>
internal sealed class ScanJob
{
    private const int ProbesBetweenYields = 64;
    private const int MaxDescriptorWaits = 1000;
    private static readonly long s_progressInterval = Stopwatch.Frequency / 10;

    private readonly IProbeEngine _engine;
    private readonly PortScanOptions _options;
    private readonly IPAddress[] _hosts;
    private readonly PortSet _ports;
    private readonly Transport[] _transports;
    private readonly IProgress<ScanProgress>? _progress;
    private readonly CancellationToken _userToken;
    private readonly CancellationTokenSource _cancellation;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private long _next;
    private long _completed;
    private long _open;
    private long _closed;
    private long _filtered;
    private long _openOrFiltered;
    private long _nextProgressAt;
    private long _finishedAt;
    private int _window;
    private int _lanes;
    private readonly TaskCompletionSource<bool> _lanesDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _failure;

    // ICMP rate limiting (UDP): how many port-unreachable answers each host gave, and the silent UDP targets held back
    // until the main pass ends (see RunSlowPassAsync).
    private readonly int[] _portUnreachByHost;
    private readonly ConcurrentQueue<long> _silentUdp = new();

    public ScanJob(IProbeEngine engine, PortScanOptions options, IPAddress[] hosts, PortSet ports, IProgress<ScanProgress>? progress, CancellationToken userToken, CancellationToken scannerToken)
    {
        _engine = engine;
        _options = options;
        _hosts = hosts;
        _ports = ports;
        _transports = options.Transports switch
        {
            Transport.Tcp => new[] { Transport.Tcp },
            Transport.Udp => new[] { Transport.Udp },
            _ => new[] { Transport.Tcp, Transport.Udp },
        };
        Total = (long)hosts.Length * ports.Count * _transports.Length;
        _portUnreachByHost = new int[hosts.Length];
        _progress = progress;
        _userToken = userToken;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(userToken, scannerToken);
        Completion = RunAsync();
    }

    public long Total { get; }

    public ResultChannel Results { get; } = new();

    /// <summary>Completes (never faults) when every lane has stopped and so every socket of the scan is closed.</summary>
    public Task Completion { get; }

    public void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The scan is over.
        }
    }

    public ScanSummary ToSummary()
    {
        var end = Interlocked.Read(ref _finishedAt);
        return new ScanSummary(
            Interlocked.Read(ref _completed),
            Interlocked.Read(ref _open),
            Interlocked.Read(ref _closed),
            Interlocked.Read(ref _filtered),
            Interlocked.Read(ref _openOrFiltered),
            Elapsed(end == 0 ? Stopwatch.GetTimestamp() : end));
    }

    private async Task RunAsync()
    {
        _window = (int)Math.Min(DescriptorBudget.Fit(_options.Window), Total);
        var initial = Math.Min(_window, Environment.ProcessorCount);
        if (initial == 0)
        {
            _lanesDone.SetResult(true);
        }

        _lanes = initial;
        for (var i = 0; i < initial; i++)
        {
            StartLane();
        }

        await _lanesDone.Task.ConfigureAwait(false);
        await RunSlowPassAsync().ConfigureAwait(false);

        // Every probe is over; sockets the engine keeps for reuse must not outlive the scan either.
        _engine.ReleaseIdleSockets();
        Interlocked.Exchange(ref _finishedAt, Stopwatch.GetTimestamp());
        _cancellation.Dispose();

        _progress?.Report(Snapshot());
        var failure = Volatile.Read(ref _failure);
        if (failure is null && Interlocked.Read(ref _completed) < Total)
        {
            failure = _userToken.IsCancellationRequested
                ? new OperationCanceledException(_userToken)
                : new ObjectDisposedException(nameof(PortScanner), "The scanner was disposed during the scan.");
        }

        Results.Complete(failure);
    }

    // One lane: probes targets one after another until none are left. The retry loop is inline, not a helper method,
    // because an async helper would allocate its state machine for every probe that completes asynchronously.
    private async Task RunLaneAsync()
    {
        var token = _cancellation.Token;
        var sinceYield = 0;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref _next) - 1;
                if (index >= Total)
                {
                    return;
                }

                var port = _ports.GetAt((int)(index % _ports.Count));
                var rest = index / _ports.Count;
                var hostIndex = (int)(rest % _hosts.Length);
                var host = _hosts[hostIndex];
                var transport = _transports[rest / _hosts.Length];

                var retriesLeft = _options.Retries;
                var descriptorWaits = 0;
                ProbeOutcome outcome;
                while (true)
                {
                    try
                    {
                        var probe = transport == Transport.Tcp
                            ? _engine.ProbeTcpAsync(host, port, _options.Timeout, token)
                            : _engine.ProbeUdpAsync(host, port, UdpPayloads.ForPort(port), _options.Timeout, token);
                        if (!probe.IsCompleted)
                        {
                            // This lane will wait: let another lane keep the window full meanwhile.
                            TryAddLane();
                        }

                        outcome = await probe.ConfigureAwait(false);
                    }
                    catch (SocketException ex) when (ex.SocketErrorCode == SocketError.TooManyOpenSockets && descriptorWaits++ < MaxDescriptorWaits)
                    {
                        // Something else in the process took the descriptors the window was sized for: wait for some to close.
                        await Task.Delay(1, token).ConfigureAwait(false);
                        continue;
                    }

                    // Silence may be a lost packet rather than a filter: ask again while retries are left.
                    if (outcome.Reason != PortReason.NoResponse || retriesLeft-- == 0)
                    {
                        break;
                    }
                }

                if (transport == Transport.Udp)
                {
                    if (outcome.Reason == PortReason.PortUnreach)
                    {
                        Interlocked.Increment(ref _portUnreachByHost[hostIndex]);
                    }
                    else if (outcome.Reason == PortReason.NoResponse && _options.AdaptToIcmpRateLimit)
                    {
                        _silentUdp.Enqueue(index);
                        continue;
                    }
                }

                ServiceIdentity? identity = null;
                if (outcome.State == PortState.Open && _options.IdentifyServices)
                {
                    // Identification waits on the network: let another lane keep the window full meanwhile.
                    TryAddLane();
                    identity = await IdentifyAsync(host, port, transport, token).ConfigureAwait(false);
                }

                Record(host, port, transport, outcome, identity);
                if (++sinceYield == ProbesBetweenYields)
                {
                    sinceYield = 0;
                    await Task.Yield();
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Cancelled: the engine has closed the probe's socket.
        }
        catch (Exception ex)
        {
            Interlocked.CompareExchange(ref _failure, ex, null);
            Cancel();
        }
        finally
        {
            // Lanes are only added by running lanes, so the count cannot reach zero while one is being added.
            if (Interlocked.Decrement(ref _lanes) == 0)
            {
                _lanesDone.SetResult(true);
            }
        }
    }

    /// <summary>
    /// Hosts limit how many ICMP errors they send (Linux: a burst of 6, then one a second per destination), so over a
    /// real link most closed UDP ports of a fast scan stay silent and would look open|filtered. As nmap does when answers
    /// stop, the UDP ports that stayed silent on a host that did answer others with port unreachable are asked again
    /// here, one at a time per host (hosts in parallel), each waiting out the timeout and asked again once more before it
    /// counts as silent. Hosts that never answered port unreachable gave no sign of a limit: their silent ports are
    /// recorded as they are. <see cref="PortScanOptions.AdaptToIcmpRateLimit"/> turns this off, for speed.
    /// </summary>
    private async Task RunSlowPassAsync()
    {
        if (_silentUdp.IsEmpty)
        {
            return;
        }

        var byHost = new List<long>[_hosts.Length];
        while (_silentUdp.TryDequeue(out var index))
        {
            var hostIndex = (int)((index / _ports.Count) % _hosts.Length);
            (byHost[hostIndex] ??= new List<long>()).Add(index);
        }

        var passes = new List<Task>();
        for (var hostIndex = 0; hostIndex < byHost.Length; hostIndex++)
        {
            if (byHost[hostIndex] is { } targets)
            {
                var limited = Volatile.Read(ref _portUnreachByHost[hostIndex]) > 0;
                passes.Add(SlowPassForHostAsync(_hosts[hostIndex], targets, limited));
            }
        }

        await Task.WhenAll(passes).ConfigureAwait(false);
    }

    private async Task SlowPassForHostAsync(IPAddress host, List<long> targets, bool limited)
    {
        var token = _cancellation.Token;
        targets.Sort();
        try
        {
            foreach (var index in targets)
            {
                var port = _ports.GetAt((int)(index % _ports.Count));
                var outcome = OutcomeClassifier.Silence(isUdp: true);
                for (var attempt = 0; limited && outcome.Reason == PortReason.NoResponse && attempt < Math.Max(2, _options.Retries + 1); attempt++)
                {
                    token.ThrowIfCancellationRequested();
                    outcome = await _engine.ProbeUdpAsync(host, port, UdpPayloads.ForPort(port), _options.Timeout, token).ConfigureAwait(false);
                }

                var identity = outcome.State == PortState.Open && _options.IdentifyServices
                    ? await IdentifyAsync(host, port, Transport.Udp, token).ConfigureAwait(false)
                    : null;
                Record(host, port, Transport.Udp, outcome, identity);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Cancelled: the summary counts what finished.
        }
        catch (Exception ex)
        {
            Interlocked.CompareExchange(ref _failure, ex, null);
            Cancel();
        }
    }

    private void TryAddLane()
    {
        if (Volatile.Read(ref _lanes) >= _window || Interlocked.Read(ref _next) >= Total)
        {
            return;
        }

        if (Interlocked.Increment(ref _lanes) <= _window)
        {
            StartLane();
        }
        else
        {
            Interlocked.Decrement(ref _lanes);
        }
    }

    private void StartLane() => _ = Task.Run(RunLaneAsync);

    private Task<ServiceIdentity> IdentifyAsync(IPAddress host, int port, Transport transport, CancellationToken token) => transport == Transport.Tcp
        ? ServiceIdentifier.Default.IdentifyTcpAsync(host, port, _options.IdentificationTimeout, token)
        : ServiceIdentifier.Default.IdentifyUdpAsync(host, port, _options.IdentificationTimeout, token);

    private void Record(IPAddress host, int port, Transport transport, ProbeOutcome outcome, ServiceIdentity? identity)
    {
        var state = outcome.State;
        switch (state)
        {
            case PortState.Open:
                Interlocked.Increment(ref _open);
                break;
            case PortState.Closed:
                Interlocked.Increment(ref _closed);
                break;
            case PortState.Filtered:
                Interlocked.Increment(ref _filtered);
                break;
            default:
                Interlocked.Increment(ref _openOrFiltered);
                break;
        }

        if (_options.ReportAllStates || state == PortState.Open || state == PortState.OpenOrFiltered)
        {
            Results.Write(PortProbe.ToResult(host, port, transport, outcome) with { Identity = identity });
        }

        Interlocked.Increment(ref _completed);
        if (_progress is not null)
        {
            var now = Stopwatch.GetTimestamp();
            var due = Interlocked.Read(ref _nextProgressAt);
            if (now >= due && Interlocked.CompareExchange(ref _nextProgressAt, now + s_progressInterval, due) == due)
            {
                _progress.Report(Snapshot());
            }
        }
    }

    private ScanProgress Snapshot()
        => new(Interlocked.Read(ref _completed), Total, Interlocked.Read(ref _open), Elapsed(Stopwatch.GetTimestamp()));

    private TimeSpan Elapsed(long now) => TimeSpan.FromTicks((long)((now - _startedAt) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
}
