using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PortCatalog.Tests.Probing;

/// <summary>PortProbe.WaitUntilOpenAsync over the default engine: a real listener on loopback, opening late or never.</summary>
[Collection(ProbeCollection.Name)]
public sealed class PortProbeWaitTests
{
    [Fact]
    public async Task APortAlreadyOpenIsFoundAtTheFirstAttempt()
    {
        using var listener = new AcceptingListener(IPAddress.Loopback);

        var result = await PortProbe.WaitUntilOpenAsync(IPAddress.Loopback, listener.Port, TimeSpan.FromSeconds(5));

        Assert.Equal(IPAddress.Loopback, result.Address);
        Assert.Equal(listener.Port, result.Port);
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task AListenerThatOpensAfterADelayEndsTheWaitSoonAfter()
    {
        var port = ProbeTargets.FreeTcpPort(IPAddress.Loopback);
        var opensAfter = TimeSpan.FromMilliseconds(400);
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var clock = Stopwatch.StartNew();
        var wait = PortProbe.WaitUntilOpenAsync(IPAddress.Loopback, port, TimeSpan.FromSeconds(10));
        var waitStartedBy = clock.Elapsed;

        await Task.Delay(opensAfter);
        Assert.False(wait.IsCompleted, "the wait ended before anything listened");
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen(16);
        var openedAt = clock.Elapsed;
        var result = await wait;

        Assert.Equal(port, result.Port);
        // The wait's own clock starts inside the call, so it cannot have waited less than from then until the port opened
        // (Task.Delay may end a little before its time by Stopwatch, so opensAfter itself is no bound).
        Assert.True(result.Waited >= openedAt - waitStartedBy, $"waited {result.Waited}, but the port opened only {openedAt - waitStartedBy} after the wait began");
        Assert.True(result.Attempts > 1, $"{result.Attempts} attempts in {result.Waited}: the wait gave up on the closed port instead of trying again");
        // How soon the retries come is a speed figure, and a loaded machine stretches every pause (CI once saw 4 attempts
        // in 0.66 s): benchmarks/wait/run.sh measures how soon the wait notices the port. This only checks that the wait
        // did not sleep on long after the port opened.
        Assert.True(clock.Elapsed - openedAt < TimeSpan.FromSeconds(2), $"noticed {clock.Elapsed - openedAt} after the port opened");
    }

    [Fact]
    public async Task AHostGivenAsTextMayBeAnAddressLiteralWithOrWithoutBrackets()
    {
        using var listener4 = new AcceptingListener(IPAddress.Loopback);
        using var listener6 = new AcceptingListener(IPAddress.IPv6Loopback);

        Assert.Equal(IPAddress.Loopback, (await PortProbe.WaitUntilOpenAsync("127.0.0.1", listener4.Port, TimeSpan.FromSeconds(5))).Address);
        Assert.Equal(IPAddress.IPv6Loopback, (await PortProbe.WaitUntilOpenAsync("[::1]", listener6.Port, TimeSpan.FromSeconds(5))).Address);
        Assert.Equal(IPAddress.IPv6Loopback, (await PortProbe.WaitUntilOpenAsync("::1", listener6.Port, TimeSpan.FromSeconds(5))).Address);
    }

    [Fact]
    public async Task AClosedPortTimesOutNamingTheEndpointTheTimeWaitedAndClosed()
    {
        var port = ProbeTargets.FreeTcpPort(IPAddress.Loopback);
        var timeout = TimeSpan.FromMilliseconds(300);
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<PortWaitTimeoutException>(() => PortProbe.WaitUntilOpenAsync(IPAddress.Loopback, port, timeout));

        Assert.True(clock.Elapsed >= timeout, $"gave up after {clock.Elapsed}, before the timeout of {timeout}");
        Assert.True(e.Waited >= timeout && e.Waited <= clock.Elapsed, $"reported {e.Waited}; the call took {clock.Elapsed}");
        Assert.Equal(PortState.Closed, e.LastState);
        Assert.Equal(PortReason.ConnRefused, e.LastReason);
        Assert.False(e.NameNotResolved);
        Assert.True(e.Attempts > 3, $"{e.Attempts} attempts");
        Assert.IsAssignableFrom<TimeoutException>(e);
        Assert.Contains($"127.0.0.1:{port} did not open", e.Message);
        Assert.Contains(FormattableString.Invariant($"waited {e.Waited.TotalSeconds:0.0##} s over {e.Attempts} attempts"), e.Message);
        Assert.EndsWith("last seen: closed (conn-refused).", e.Message);
    }

    [Fact]
    public async Task APortThatNeverAnswersTimesOutAsFilteredWithinTheOverallTimeout()
    {
        using var silent = new SilentTcpListener(IPAddress.Loopback);
        var options = new PortWaitOptions { Timeout = TimeSpan.FromMilliseconds(500), AttemptTimeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<PortWaitTimeoutException>(() => PortProbe.WaitUntilOpenAsync(IPAddress.Loopback, silent.Port, options));

        // The attempt's own timeout (10 s) is cut to what is left of the overall one.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(PortState.Filtered, e.LastState);
        Assert.Equal(PortReason.NoResponse, e.LastReason);
        Assert.Contains("last seen: filtered (no-response)", e.Message);
    }

    [Fact]
    public async Task AnIpv6EndpointIsNamedInBrackets()
    {
        var port = ProbeTargets.FreeTcpPort(IPAddress.IPv6Loopback);

        var e = await Assert.ThrowsAsync<PortWaitTimeoutException>(() => PortProbe.WaitUntilOpenAsync(IPAddress.IPv6Loopback, port, TimeSpan.FromMilliseconds(50)));

        Assert.Equal($"[::1]:{port}", e.Endpoint);
        Assert.StartsWith($"[::1]:{port} did not open", e.Message);
    }

    [Fact]
    public async Task CancellingStopsTheWaitPromptlyWithOperationCanceledException()
    {
        var port = ProbeTargets.FreeTcpPort(IPAddress.Loopback);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PortProbe.WaitUntilOpenAsync(IPAddress.Loopback, port, Timeout.InfiniteTimeSpan, cts.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task CancellingWhileAnAttemptWaitsForAnAnswerStopsItToo()
    {
        using var silent = new SilentTcpListener(IPAddress.Loopback);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var options = new PortWaitOptions { Timeout = TimeSpan.FromMinutes(1), AttemptTimeout = TimeSpan.FromMinutes(1) };
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PortProbe.WaitUntilOpenAsync("127.0.0.1", silent.Port, options, cts.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task ATokenCancelledBeforeTheCallCancelsAtOnce()
    {
        using var listener = new AcceptingListener(IPAddress.Loopback);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PortProbe.WaitUntilOpenAsync(IPAddress.Loopback, listener.Port, TimeSpan.FromSeconds(1), new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task BadArgumentsAreRefusedNamingTheParameter()
    {
        Assert.Equal("address", (await Assert.ThrowsAsync<ArgumentNullException>(() => PortProbe.WaitUntilOpenAsync((IPAddress)null!, 80, TimeSpan.FromSeconds(1)))).ParamName);
        Assert.Equal("host", (await Assert.ThrowsAsync<ArgumentNullException>(() => PortProbe.WaitUntilOpenAsync((string)null!, 80, TimeSpan.FromSeconds(1)))).ParamName);
        Assert.Equal("host", (await Assert.ThrowsAsync<ArgumentException>(() => PortProbe.WaitUntilOpenAsync(" ", 80, TimeSpan.FromSeconds(1)))).ParamName);
        Assert.Equal("port", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => PortProbe.WaitUntilOpenAsync(IPAddress.Loopback, 0, TimeSpan.FromSeconds(1)))).ParamName);
        Assert.Equal("port", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => PortProbe.WaitUntilOpenAsync("127.0.0.1", 65536, TimeSpan.FromSeconds(1)))).ParamName);
        Assert.Equal("Timeout", Assert.Throws<ArgumentOutOfRangeException>(() => new PortWaitOptions { Timeout = TimeSpan.Zero }).ParamName);
        Assert.Equal("FirstRetryDelay", Assert.Throws<ArgumentOutOfRangeException>(() => new PortWaitOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(-1) }).ParamName);
        Assert.Equal("AttemptTimeout", Assert.Throws<ArgumentOutOfRangeException>(() => new PortWaitOptions { AttemptTimeout = TimeSpan.Zero }).ParamName);
        var inverted = new PortWaitOptions { FirstRetryDelay = TimeSpan.FromSeconds(2), MaxRetryDelay = TimeSpan.FromSeconds(1) };
        Assert.Equal("options", (await Assert.ThrowsAsync<ArgumentException>(() => PortProbe.WaitUntilOpenAsync(IPAddress.Loopback, 80, inverted))).ParamName);
    }

    [LinuxFact]
    public void PollingAClosedPortAllocatesNothingPerAttemptOnceWarm()
    {
        // Measured in a child process (see the probe allocation test): the difference between a long and a short wait on
        // a refused port, divided by the difference in attempts, leaves out what a wait costs once (its task, timer,
        // registration and the timeout exception).
        var closedPort = ProbeTargets.FreeTcpPort(IPAddress.Loopback);

        var fields = ProbeHost.Run(TimeSpan.FromMinutes(1), "wait-alloc", closedPort.ToString(CultureInfo.InvariantCulture));

        var extraAttempts = long.Parse(fields["long-attempts"], CultureInfo.InvariantCulture) - long.Parse(fields["short-attempts"], CultureInfo.InvariantCulture);
        var perPoll = double.Parse(fields["per-poll"], CultureInfo.InvariantCulture);
        Assert.True(extraAttempts > 100, $"the long wait made only {extraAttempts} more attempts than the short one: {string.Join(' ', fields)}");
        Assert.True(perPoll < 1, $"{perPoll} bytes per attempt (rounds: {fields["per-poll-rounds"]}; {string.Join(' ', fields)})");
    }

    [LinuxRootFact]
    public void ANameThatDoesNotResolveIsRetriedUntilTheTimeoutAndNamedInTheError()
    {
        // Inside `unshare --net` the resolver has no network: the lookup fails on this machine and never leaves it.
        string[] command = [.. NetworkNamespace.FreshWithoutNetwork, "dotnet", ProbeHostDll, "wait", "no-such-host.invalid", "--port", "5432", "--timeout-ms", "700"];
        var run = ExternalCommand.Run(command[0], command[1..], TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == 0, run.ToString());
        var fields = Fields(run.Stdout);
        Assert.Equal("timeout", fields["outcome"]);
        Assert.Equal("True", fields["name-not-resolved"]);
        Assert.True(int.Parse(fields["attempts"], CultureInfo.InvariantCulture) > 1, run.ToString());
        Assert.True(int.Parse(fields["waited-ms"], CultureInfo.InvariantCulture) >= 700, run.ToString());
        Assert.Contains("no-such-host.invalid:5432 did not open", run.Stderr);
        Assert.Contains("last seen: name not resolved", run.Stderr);
    }

    [LinuxRootFact("ip")]
    public void ANameThatResolvesIsWaitedForOnItsAddress()
    {
        // `localhost` comes from the hosts file; inside a fresh namespace with lo up nothing else can answer.
        string[] command = [.. NetworkNamespace.FreshWithLoopback(), "dotnet", ProbeHostDll, "wait", "localhost", "--listen-after-ms", "300", "--timeout-ms", "10000"];
        var run = ExternalCommand.Run(command[0], command[1..], TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == 0, run.ToString());
        var fields = Fields(run.Stdout);
        Assert.Equal("open", fields["outcome"]);
        Assert.Equal("127.0.0.1", fields["address"]);
    }

    private static string ProbeHostDll => Path.Combine(AppContext.BaseDirectory, "PortCatalog.ProbeHost.dll");

    private static Dictionary<string, string> Fields(string line)
        => line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f.Length > 1 ? f[1] : string.Empty);
}
