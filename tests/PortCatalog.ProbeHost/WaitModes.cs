using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PortCatalog;

/// <summary>
/// ProbeHost's modes for <see cref="PortProbe.WaitUntilOpenAsync(string, int, PortWaitOptions, CancellationToken)"/>:
/// <list type="bullet">
/// <item><c>wait &lt;host&gt; --port P --timeout-ms N [--listen-after-ms M] [--service NAME] [--attempt-ms N]</c>: waits for a
/// port (with <c>--service</c>, until it answers as that service); with <c>--listen-after-ms</c> this process itself starts
/// listening on 127.0.0.1 at a free port after M ms (so it works inside a fresh namespace). Prints
/// <c>outcome=open address=A waited-ms=N attempts=N service=S</c> or <c>outcome=timeout last-state=S name-not-resolved=B
/// waited-ms=N attempts=N last-service=S</c> (<c>none</c> when not asked or not recognised), and on a timeout the
/// exception's message on stderr.</item>
/// <item><c>wait-alloc &lt;closed-port&gt;</c>: the managed bytes allocated by waits on a refused port, a short one and a
/// long one polling every millisecond: <c>short-attempts=N short-bytes=N long-attempts=N long-bytes=N per-poll-rounds=a,b,c</c>.</item>
/// </list>
/// </summary>
internal static class WaitModes
{
    public static async Task<int> WaitAsync(string[] args)
    {
        if (args.Length < 2)
        {
            return Usage();
        }

        var timeout = TimeSpan.FromMilliseconds(int.Parse(Option(args, "--timeout-ms") ?? "1000", CultureInfo.InvariantCulture));
        Socket? listener = null;
        var port = int.Parse(Option(args, "--port") ?? "0", CultureInfo.InvariantCulture);
        if (Option(args, "--listen-after-ms") is { } after)
        {
            // Reserve a free port, then give it up, and listen on it after the delay.
            using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
            {
                probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                port = ((IPEndPoint)probe.LocalEndPoint!).Port;
            }

            _ = Task.Delay(int.Parse(after, CultureInfo.InvariantCulture)).ContinueWith(_ =>
            {
                listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
                listener.Listen(16);
            }, TaskScheduler.Default);
        }

        try
        {
            var options = new PortWaitOptions { Timeout = timeout, ExpectedService = Option(args, "--service") };
            if (Option(args, "--attempt-ms") is { } attempt)
            {
                options.AttemptTimeout = TimeSpan.FromMilliseconds(int.Parse(attempt, CultureInfo.InvariantCulture));
            }

            var result = await PortProbe.WaitUntilOpenAsync(args[1], port, options);
            Console.WriteLine(FormattableString.Invariant($"outcome=open address={result.Address} waited-ms={result.Waited.TotalMilliseconds:0} attempts={result.Attempts} service={result.Identity?.Service ?? "none"}"));
        }
        catch (PortWaitTimeoutException e)
        {
            Console.WriteLine(FormattableString.Invariant($"outcome=timeout last-state={e.LastState?.ToString() ?? "none"} name-not-resolved={e.NameNotResolved} waited-ms={e.Waited.TotalMilliseconds:0} attempts={e.Attempts} last-service={e.LastIdentity?.Service ?? "none"}"));
            Console.Error.WriteLine(e.Message);
        }
        finally
        {
            listener?.Dispose();
        }

        return 0;
    }

    public static async Task<int> MeasureAllocationsAsync(string[] args)
    {
        if (args.Length < 2)
        {
            return Usage();
        }

        var closedPort = int.Parse(args[1], CultureInfo.InvariantCulture);
        const int Rounds = 3;
        var shortWait = TimeSpan.FromMilliseconds(200);
        var longWait = TimeSpan.FromMilliseconds(2000);

        var fields = await Task.Run(async () =>
        {
            // Warm up: the engine, the timer queue, the exception path and this method's own state machine.
            for (var i = 0; i < 3; i++)
            {
                await MeasureAsync(shortWait).ConfigureAwait(false);
            }

            var perPoll = new double[Rounds];
            (long Attempts, long Bytes) shortest = default, longest = default;
            for (var round = 0; round < Rounds; round++)
            {
                shortest = await MeasureAsync(shortWait).ConfigureAwait(false);
                longest = await MeasureAsync(longWait).ConfigureAwait(false);
                perPoll[round] = (double)(longest.Bytes - shortest.Bytes) / (longest.Attempts - shortest.Attempts);
            }

            return FormattableString.Invariant(
                $"short-attempts={shortest.Attempts} short-bytes={shortest.Bytes} long-attempts={longest.Attempts} long-bytes={longest.Bytes} per-poll={perPoll.Min():0.###} per-poll-rounds={string.Join(',', perPoll.Select(p => p.ToString("0.###", CultureInfo.InvariantCulture)))}");
        });
        Console.WriteLine(fields);
        return 0;

        async Task<(long Attempts, long Bytes)> MeasureAsync(TimeSpan timeout)
        {
            var options = new PortWaitOptions { Timeout = timeout, FirstRetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(1) };
            var before = GC.GetTotalAllocatedBytes(precise: true);
            try
            {
                await PortProbe.WaitUntilOpenAsync(IPAddress.Loopback, closedPort, options).ConfigureAwait(false);
                throw new InvalidOperationException($"Port {closedPort} opened; it should stay closed.");
            }
            catch (PortWaitTimeoutException e)
            {
                var bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
                return (e.Attempts, bytes);
            }
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: ProbeHost wait <host> [--port N] [--timeout-ms N] [--listen-after-ms M]");
        Console.Error.WriteLine("       ProbeHost wait-alloc <closed-port>");
        return 2;
    }
}
