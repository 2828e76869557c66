using System.Net;
using System.Net.Sockets;

namespace PortCatalog.Tests.Identification;

/// <summary>
/// A hostile or minimal server on a free loopback port, in this process: each accepted connection is handed to
/// <c>behave</c>. It keeps every accepted socket so a test can check that the client closed them, and records what the
/// clients sent.
/// </summary>
internal sealed class FakeServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<Socket, CancellationToken, Task> _behave;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _accepted = [];
    private readonly Task _loop;

    public FakeServer(Func<Socket, CancellationToken, Task> behave)
    {
        _behave = behave;
        _listener.Start(512);
        _loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int AcceptedCount
    {
        get
        {
            lock (_accepted)
            {
                return _accepted.Count;
            }
        }
    }

    /// <summary>How many accepted connections the client has not closed yet (no FIN or RST seen).</summary>
    public int StillOpenCount()
    {
        lock (_accepted)
        {
            return _accepted.Count(socket =>
            {
                try
                {
                    // Readable with nothing to read means the peer closed; a closed socket of ours counts as closed.
                    return !(socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0);
                }
                catch (ObjectDisposedException)
                {
                    return false;
                }
                catch (SocketException)
                {
                    return false;
                }
            });
        }
    }

    /// <summary>A server that says <paramref name="greeting"/> to every client, then listens until the client leaves.</summary>
    public static FakeServer Greeting(string greeting)
        => new(async (socket, stop) =>
        {
            await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes(greeting), SocketFlags.None, stop);
            await ReadToEndAsync(socket, TimeSpan.FromSeconds(20), stop);
        });

    /// <summary>Reads what the client sends until it closes (or <paramref name="limit"/> passes).</summary>
    public static async Task<byte[]> ReadToEndAsync(Socket socket, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        var received = new MemoryStream();
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var n = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
                if (n == 0)
                {
                    break;
                }

                received.Write(buffer, 0, n);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException)
        {
        }

        return received.ToArray();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        lock (_accepted)
        {
            _accepted.ForEach(socket => socket.Dispose());
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_accepted)
            {
                _accepted.Add(socket);
            }

            _ = Task.Run(async () =>
            {
                try
                {
                    await _behave(socket, _stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
                {
                    // The client left or the test ended.
                }
            });
        }
    }
}
