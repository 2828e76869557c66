using System;
using System.Buffers;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;

namespace PortCatalog.Identification;

/// <summary>
/// One TCP connection of an identification: connect, optional TLS, send a request, collect the answer into a pooled
/// buffer, say goodbye and close. Every wait is bounded and cancellable; an answer from the network (silence, a reset,
/// garbage, a failed handshake) never throws, it is recorded. Disposing closes the socket; a read still pending then
/// fails and only afterwards is the buffer returned to the pool.
/// </summary>
internal sealed class ProbeConnection : IDisposable
{
    /// <summary>The most bytes of an answer kept: enough for a greeting, HTTP headers, or Redis' INFO server.</summary>
    public const int BufferSize = 4096;

    private readonly Socket _socket;
    private Stream _stream;
    private byte[]? _buffer;
    private Task<int>? _pendingRead;
    private int _count;

    private ProbeConnection(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    }

    /// <summary>Whether the peer closed (or reset) the connection.</summary>
    public bool ClosedByPeer { get; private set; }

    /// <summary>Whether TLS now wraps the connection.</summary>
    public bool Tls { get; private set; }

    /// <summary>How many bytes the peer has sent so far.</summary>
    public int Count => _count;

    /// <summary>What the peer has sent so far, one character per byte.</summary>
    public string Answer => ResponseText.Latin1(_buffer.AsSpan(0, _count));

    /// <summary>Connects, or returns null with why not (refused, no answer in time, unreachable).</summary>
    public static async Task<(ProbeConnection? Connection, string Failure, bool Refused)> OpenAsync(
        Func<AddressFamily, Socket> createSocket, IPEndPoint endPoint, TimeSpan wait, CancellationToken cancellationToken)
    {
        var socket = createSocket(endPoint.AddressFamily);
        try
        {
            socket.NoDelay = true;
            var connect = socket.ConnectAsync(endPoint);
            if (!await CompletesWithinAsync(connect, wait, cancellationToken).ConfigureAwait(false))
            {
                Abandon(connect);
                socket.Dispose();
                return (null, $"no connection within {Milliseconds(wait)}", false);
            }

            await connect.ConfigureAwait(false);
            return (new ProbeConnection(socket), string.Empty, false);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            return ex.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => (null, "connection refused", true),
                SocketError.ConnectionReset => (null, "closed (reset) as soon as connected", false), // accepted, then reset at once
                var error => (null, $"no connection ({error})", false),
            };
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends <paramref name="bytes"/>; a peer that already left is recorded as <see cref="ClosedByPeer"/>.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> bytes, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (bytes.IsEmpty || ClosedByPeer)
        {
            return;
        }

        try
        {
            var write = _stream.WriteAsync(bytes.ToArray(), 0, bytes.Length);
            if (!await CompletesWithinAsync(write, wait, cancellationToken).ConfigureAwait(false))
            {
                Abandon(write);
                ClosedByPeer = true; // a peer that does not take a few bytes is as good as gone
                return;
            }

            await write.ConfigureAwait(false);
        }
        catch (Exception ex) when (IsPeerFailure(ex, cancellationToken))
        {
            ClosedByPeer = true;
        }
    }

    /// <summary>
    /// Collects what the peer sends until it closes, the buffer is full, <paramref name="wait"/> passes, or, once it has
    /// said something, it pauses for <paramref name="quietGap"/> (an answer is complete when the peer stops talking).
    /// </summary>
    public async Task ReceiveAsync(TimeSpan wait, TimeSpan quietGap, CancellationToken cancellationToken)
    {
        var until = Stopwatch.GetTimestamp() + Ticks(wait);
        while (!ClosedByPeer && _count < BufferSize)
        {
            var left = until - Stopwatch.GetTimestamp();
            if (left <= 0)
            {
                return;
            }

            var window = TimeSpan.FromTicks(left * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
            if (_count > 0 && quietGap < window)
            {
                window = quietGap;
            }

            _pendingRead ??= _stream.ReadAsync(_buffer!, _count, BufferSize - _count);
            if (!await CompletesWithinAsync(_pendingRead, window, cancellationToken).ConfigureAwait(false))
            {
                return; // the read stays pending; Dispose closes the socket and then returns the buffer
            }

            var read = _pendingRead;
            _pendingRead = null;
            int received;
            try
            {
                received = await read.ConfigureAwait(false);
            }
            catch (Exception ex) when (IsPeerFailure(ex, cancellationToken))
            {
                ClosedByPeer = true;
                return;
            }

            if (received == 0)
            {
                ClosedByPeer = true;
                return;
            }

            _count += received;
        }
    }

    /// <summary>Performs a TLS handshake without validating the certificate; returns null, or why there is no TLS.</summary>
    public async Task<string?> StartTlsAsync(string targetHost, TimeSpan wait, CancellationToken cancellationToken)
    {
        // Identification asks what answers, not whether to trust it: any certificate is accepted, none is offered.
        var tls = new SslStream(_stream, leaveInnerStreamOpen: false, static (_, _, _, _) => true);
        var handshake = tls.AuthenticateAsClientAsync(targetHost, null, SslProtocols.None, checkCertificateRevocation: false);
        if (!await CompletesWithinAsync(handshake, wait, cancellationToken).ConfigureAwait(false))
        {
            Abandon(handshake);
            return $"no TLS handshake within {Milliseconds(wait)}";
        }

        try
        {
            await handshake.ConfigureAwait(false);
        }
        catch (Exception ex) when (IsPeerFailure(ex, cancellationToken))
        {
            return "no TLS handshake (" + (ex.InnerException ?? ex).Message.TrimEnd('.') + ")";
        }

        _stream = tls;
        Tls = true;
        return null;
    }

    /// <summary>Says <paramref name="goodbye"/> (if the peer is still there), ends TLS with close_notify, and half-closes.</summary>
    public async Task CloseAsync(ReadOnlyMemory<byte> goodbye, TimeSpan wait, CancellationToken cancellationToken)
    {
        await SendAsync(goodbye, wait, cancellationToken).ConfigureAwait(false);
#if NET5_0_OR_GREATER
        if (Tls && !ClosedByPeer && _stream is SslStream tls)
        {
            try
            {
                var shutdown = tls.ShutdownAsync();
                if (!await CompletesWithinAsync(shutdown, wait, cancellationToken).ConfigureAwait(false))
                {
                    Abandon(shutdown);
                }
            }
            catch (Exception ex) when (IsPeerFailure(ex, cancellationToken))
            {
                // OpenSSL may refuse close_notify on a session the peer already ended; the socket is closed below anyway.
            }
        }
#endif
        try
        {
            _socket.Shutdown(SocketShutdown.Send); // FIN: a polite end, not a reset
        }
        catch (Exception ex) when (IsPeerFailure(ex, cancellationToken))
        {
        }
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is null)
        {
            return;
        }

        try
        {
            _stream.Dispose();
        }
        catch (Exception ex) when (IsPeerFailure(ex, CancellationToken.None))
        {
        }

        _socket.Dispose();
        if (_pendingRead is { } pending)
        {
            // The read may still write into the buffer until it has failed: return the buffer only afterwards.
            pending.ContinueWith(
                static (task, state) =>
                {
                    _ = task.Exception;
                    ArrayPool<byte>.Shared.Return((byte[])state!);
                },
                buffer,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
        else
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Whether <paramref name="task"/> completes within <paramref name="wait"/>; throws when the token is cancelled.</summary>
    internal static async Task<bool> CompletesWithinAsync(Task task, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (task.IsCompleted)
        {
            return true;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (wait <= TimeSpan.Zero)
        {
            return false;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(wait, timer.Token);
        var first = await Task.WhenAny(task, delay).ConfigureAwait(false);
        timer.Cancel(); // releases the timer when the task won
        cancellationToken.ThrowIfCancellationRequested();
        return first == task;
    }

    /// <summary>Observes a task given up on, so its eventual failure is not reported as unobserved.</summary>
    internal static void Abandon(Task task)
        => task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>
    /// Whether <paramref name="ex"/> is what the peer did to a connection (reset, a failed or refused TLS session, a
    /// socket closed under a pending operation) rather than the caller cancelling: such failures are recorded, never thrown.
    /// TLS errors come as several types (AuthenticationException, IOException, platform-specific ones), hence the breadth.
    /// </summary>
    internal static bool IsPeerFailure(Exception ex, CancellationToken cancellationToken)
        => !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested);

    internal static string Milliseconds(TimeSpan wait) => $"{(long)wait.TotalMilliseconds} ms";

    private static long Ticks(TimeSpan wait) => (long)(wait.TotalSeconds * Stopwatch.Frequency);
}
