using System;
using System.Collections.Generic;
using System.Net;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PortCatalog.Probing;

namespace PortCatalog;

/// <summary>
/// Scans ports of one or more hosts with a bounded window of probes in flight. Reusable and thread-safe: several scans
/// may run at once. Results stream as they arrive, each carrying the catalog's <see cref="PortInfo"/> when the port is
/// known; <see cref="RunAsync(IEnumerable{IPAddress}, PortSet, Action{PortResult}?, IProgress{ScanProgress}?, CancellationToken)"/>
/// also returns a summary. Cancelling a scan, or disposing the scanner, closes every socket the scan holds.
/// </summary>
/// <example>
/// <code>
/// using var scanner = new PortScanner(new PortScanOptions { Timeout = TimeSpan.FromMilliseconds(500) });
/// await foreach (var result in scanner.ScanAsync(IPAddress.Loopback, PortSet.Parse("1-1024,8080")))
///     Console.WriteLine($"{result.Port} {result.State} {result.Info?.ServiceName}");
/// </code>
/// </example>
public sealed class PortScanner : IDisposable
{
    private readonly CancellationTokenSource _disposal = new();
    private readonly IProbeEngine _engine;

    /// <summary>Creates a scanner with the default <see cref="PortScanOptions"/>.</summary>
    public PortScanner()
        : this(new PortScanOptions())
    {
    }

    /// <summary>Creates a scanner with <paramref name="options"/>.</summary>
    /// <param name="options">How to scan.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public PortScanner(PortScanOptions options)
        : this(Guard.NotNull(options, nameof(options)), ProbeEngines.Get(options.Engine))
    {
    }

    /// <summary>Creates a scanner over a given engine (tests run one suite over each engine this way).</summary>
    internal PortScanner(PortScanOptions options, IProbeEngine engine)
    {
        Options = options;
        _engine = engine;
    }

    /// <summary>The options this scanner scans with.</summary>
    public PortScanOptions Options { get; }

    /// <summary>Scans <paramref name="ports"/> of <paramref name="host"/>, streaming results as they arrive.</summary>
    /// <param name="host">The host to scan.</param>
    /// <param name="ports">The ports to probe.</param>
    /// <param name="progress">Receives snapshots about ten times a second and once at the end; may be null.</param>
    /// <param name="cancellationToken">Stops the scan; the enumeration then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>
    /// The results, in completion order: by default only <see cref="PortState.Open"/> and <see cref="PortState.OpenOrFiltered"/>
    /// ports (see <see cref="PortScanOptions.ReportAllStates"/>). Stopping the enumeration early stops the scan.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="host"/> or <paramref name="ports"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="host"/> is a multicast or broadcast address (reported under the name <c>hosts</c>).</exception>
    /// <exception cref="ObjectDisposedException">The scanner is disposed.</exception>
    public IAsyncEnumerable<PortResult> ScanAsync(IPAddress host, PortSet ports, IProgress<ScanProgress>? progress = null, CancellationToken cancellationToken = default)
        => ScanAsync(new[] { Guard.NotNull(host, nameof(host)) }, ports, progress, cancellationToken);

    /// <summary>Scans <paramref name="ports"/> of every host in <paramref name="hosts"/>, streaming results as they arrive.</summary>
    /// <param name="hosts">The hosts to scan; at least one, none null.</param>
    /// <param name="ports">The ports to probe on each host.</param>
    /// <param name="progress">Receives snapshots about ten times a second and once at the end; may be null.</param>
    /// <param name="cancellationToken">Stops the scan; the enumeration then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The results, in completion order, as for <see cref="ScanAsync(IPAddress, PortSet, IProgress{ScanProgress}?, CancellationToken)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hosts"/> or <paramref name="ports"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="hosts"/> is empty, holds null, or holds a multicast or broadcast address (not one host).</exception>
    /// <exception cref="ObjectDisposedException">The scanner is disposed.</exception>
    public IAsyncEnumerable<PortResult> ScanAsync(IEnumerable<IPAddress> hosts, PortSet ports, IProgress<ScanProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var hostArray = ValidateHosts(hosts);
        Guard.NotNull(ports, nameof(ports));
        ThrowIfDisposed();
        return EnumerateAsync(hostArray, ports, progress, cancellationToken);
    }

    /// <summary>Scans <paramref name="ports"/> of <paramref name="host"/> to the end and returns the totals.</summary>
    /// <param name="host">The host to scan.</param>
    /// <param name="ports">The ports to probe.</param>
    /// <param name="onResult">Called for each reported result, one at a time, never concurrently; may be null.</param>
    /// <param name="progress">Receives snapshots about ten times a second and once at the end; may be null.</param>
    /// <param name="cancellationToken">Stops the scan; the task is then cancelled.</param>
    /// <returns>The scan's summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="host"/> or <paramref name="ports"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="host"/> is a multicast or broadcast address (reported under the name <c>hosts</c>).</exception>
    /// <exception cref="ObjectDisposedException">The scanner is disposed.</exception>
    public Task<ScanSummary> RunAsync(IPAddress host, PortSet ports, Action<PortResult>? onResult = null, IProgress<ScanProgress>? progress = null, CancellationToken cancellationToken = default)
        => RunAsync(new[] { Guard.NotNull(host, nameof(host)) }, ports, onResult, progress, cancellationToken);

    /// <summary>Scans <paramref name="ports"/> of every host in <paramref name="hosts"/> to the end and returns the totals.</summary>
    /// <param name="hosts">The hosts to scan; at least one, none null.</param>
    /// <param name="ports">The ports to probe on each host.</param>
    /// <param name="onResult">Called for each reported result, one at a time, never concurrently; may be null.</param>
    /// <param name="progress">Receives snapshots about ten times a second and once at the end; may be null.</param>
    /// <param name="cancellationToken">Stops the scan; the task is then cancelled.</param>
    /// <returns>The scan's summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hosts"/> or <paramref name="ports"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="hosts"/> is empty, holds null, or holds a multicast or broadcast address (not one host).</exception>
    /// <exception cref="ObjectDisposedException">The scanner is disposed.</exception>
    public Task<ScanSummary> RunAsync(IEnumerable<IPAddress> hosts, PortSet ports, Action<PortResult>? onResult = null, IProgress<ScanProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var hostArray = ValidateHosts(hosts);
        Guard.NotNull(ports, nameof(ports));
        ThrowIfDisposed();
        return RunCoreAsync(hostArray, ports, onResult, progress, cancellationToken);
    }

    /// <summary>Stops every running scan (closing its sockets); later scans throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        try
        {
            _disposal.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async IAsyncEnumerable<PortResult> EnumerateAsync(IPAddress[] hosts, PortSet ports, IProgress<ScanProgress>? progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var job = new ScanJob(_engine, Options, hosts, ports, progress, cancellationToken, _disposal.Token);
        try
        {
            while (await job.Results.WaitToReadAsync().ConfigureAwait(false))
            {
                while (job.Results.TryRead(out var result))
                {
                    yield return result;
                }
            }
        }
        finally
        {
            // Also reached when the consumer stops early: stop the lanes and wait until every socket is closed.
            job.Cancel();
            await job.Completion.ConfigureAwait(false);
        }
    }

    private async Task<ScanSummary> RunCoreAsync(IPAddress[] hosts, PortSet ports, Action<PortResult>? onResult, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        var job = new ScanJob(_engine, Options, hosts, ports, progress, cancellationToken, _disposal.Token);
        try
        {
            while (await job.Results.WaitToReadAsync().ConfigureAwait(false))
            {
                while (job.Results.TryRead(out var result))
                {
                    onResult?.Invoke(result);
                }
            }
        }
        finally
        {
            job.Cancel();
            await job.Completion.ConfigureAwait(false);
        }

        return job.ToSummary();
    }

    private static IPAddress[] ValidateHosts(IEnumerable<IPAddress> hosts)
    {
        Guard.NotNull(hosts, nameof(hosts));
        var list = new List<IPAddress>(hosts);
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one host is needed.", nameof(hosts));
        }

        if (list.Contains(null!))
        {
            throw new ArgumentException("The host list contains null.", nameof(hosts));
        }

        foreach (var host in list)
        {
            Guard.Target(host, nameof(hosts));
        }

        return list.ToArray();
    }

    private void ThrowIfDisposed()
    {
        if (_disposal.IsCancellationRequested)
        {
            throw new ObjectDisposedException(nameof(PortScanner));
        }
    }
}
