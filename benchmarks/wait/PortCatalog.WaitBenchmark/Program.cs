using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PortCatalog;

// Usage:
//   latency <trials> <parallel> <window-ms>
//     Each trial picks a free loopback port, starts every contender waiting for it, and opens a listener at a random
//     moment within the window; a contender's latency is from the listen() call to its wait returning. Trials run
//     <parallel> at a time. Prints one line per contender: latency contender=... trials=N median-ms=.. p90-ms=.. max-ms=..
//   cpu <contender> <seconds> <waiters>
//     <waiters> waits on closed loopback ports for <seconds> after a 5 s warm-up; prints the process CPU time used
//     meanwhile: cpu contender=... waiters=N seconds=N cpu-ms=N polls=N. Contender "idle" waits on nothing (the floor).
// Contenders: wait (PortProbe.WaitUntilOpenAsync, default options; in the cpu mode, back-to-back waits of 1 s, whose
// attempts are counted), wait-100ms (MaxRetryDelay 100 ms: the same poll
// rate as the loop), tcpclient-100ms (new TcpClient + ConnectAsync, then Task.Delay(100) after each refusal).
string[] contenders = ["wait", "wait-100ms", "tcpclient-100ms"];

return args.FirstOrDefault() switch
{
    "latency" when args.Length == 4 => await LatencyAsync(Int(args[1]), Int(args[2]), Int(args[3])),
    "cpu" when args.Length == 4 => await CpuAsync(args[1], Int(args[2]), Int(args[3])),
    _ => Usage(),
};

async Task<int> LatencyAsync(int trials, int parallel, int windowMs)
{
    var latencies = contenders.ToDictionary(c => c, _ => new List<double>());
    var gate = new SemaphoreSlim(parallel);
    var random = new Random(12345);
    var delays = Enumerable.Range(0, trials).Select(_ => random.Next(0, windowMs)).ToArray();
    await Task.WhenAll(delays.Select(async delay =>
    {
        await gate.WaitAsync();
        try
        {
            var found = await TrialAsync(delay);
            lock (latencies)
            {
                foreach (var (contender, ms) in found)
                {
                    latencies[contender].Add(ms);
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }));

    foreach (var contender in contenders)
    {
        var sorted = latencies[contender].Order().ToArray();
        Console.WriteLine(FormattableString.Invariant(
            $"latency contender={contender} trials={sorted.Length} median-ms={Percentile(sorted, 0.5):0.00} p90-ms={Percentile(sorted, 0.9):0.00} max-ms={sorted[^1]:0.00}"));
    }

    return 0;
}

async Task<(string Contender, double Ms)[]> TrialAsync(int openAfterMs)
{
    var port = FreePort();
    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
    var clock = Stopwatch.StartNew();
    var waits = contenders.Select(c => Task.Run(async () =>
    {
        await WaitAsync(c, port, cts.Token);
        return clock.Elapsed.TotalMilliseconds;
    })).ToArray();

    await Task.Delay(openAfterMs);
    using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
    var openedAt = clock.Elapsed.TotalMilliseconds;
    listener.Listen(64);
    var done = await Task.WhenAll(waits);
    return contenders.Select((c, i) => (c, Math.Max(0, done[i] - openedAt))).ToArray();
}

async Task<int> CpuAsync(string contender, int seconds, int waiters)
{
    using var cts = new CancellationTokenSource();
    var polls = new long[1];
    var waits = contender == "idle"
        ? []
        : Enumerable.Range(0, waiters).Select(_ => Task.Run(() => WaitAsync(contender, FreePort(), cts.Token, polls))).ToArray();

    // Warm-up: tiered compilation of the polling path takes a few seconds on a loaded machine.
    await Task.Delay(TimeSpan.FromSeconds(5));
    var process = Process.GetCurrentProcess();
    process.Refresh();
    var before = process.TotalProcessorTime;
    var pollsBefore = Interlocked.Read(ref polls[0]);
    await Task.Delay(TimeSpan.FromSeconds(seconds));
    process.Refresh();
    var used = process.TotalProcessorTime - before;
    var pollCount = Interlocked.Read(ref polls[0]) - pollsBefore;
    cts.Cancel();
    foreach (var wait in waits)
    {
        try
        {
            await wait;
        }
        catch (OperationCanceledException)
        {
        }
    }

    Console.WriteLine(FormattableString.Invariant($"cpu contender={contender} waiters={waiters} seconds={seconds} cpu-ms={used.TotalMilliseconds:0} polls={pollCount} cpu-us-per-poll={(pollCount == 0 ? 0 : used.TotalMicroseconds / pollCount):0}"));
    return 0;
}

static async Task WaitAsync(string contender, int port, CancellationToken cancellationToken, long[]? polls = null)
{
    switch (contender)
    {
        case "wait" or "wait-100ms":
            // Waits of 1 s each, over and over, so that their attempts can be counted (from the timeout's exception).
            var options = new PortWaitOptions { Timeout = polls is null ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(contender == "wait" ? 25 : 100) };
            while (true)
            {
                try
                {
                    await PortProbe.WaitUntilOpenAsync(IPAddress.Loopback, port, options, cancellationToken);
                    return;
                }
                catch (PortWaitTimeoutException e) when (polls is not null)
                {
                    Interlocked.Add(ref polls[0], e.Attempts);
                }
            }

        case "tcpclient-100ms":
            // The loop people write by hand.
            while (true)
            {
                if (polls is not null)
                {
                    Interlocked.Increment(ref polls[0]);
                }

                using var client = new TcpClient();
                try
                {
                    await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    return;
                }
                catch (SocketException)
                {
                }

                await Task.Delay(100, cancellationToken);
            }

        default:
            throw new ArgumentException($"unknown contender '{contender}'");
    }
}

static int FreePort()
{
    using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    return ((IPEndPoint)socket.LocalEndPoint!).Port;
}

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(p * sorted.Length))];

static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

static int Usage()
{
    Console.Error.WriteLine("usage: WaitBenchmark latency <trials> <parallel> <window-ms> | cpu <wait|wait-100ms|tcpclient-100ms|idle> <seconds> <waiters>");
    return 2;
}
