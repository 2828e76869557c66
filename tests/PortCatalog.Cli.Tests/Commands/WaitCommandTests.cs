using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PortCatalog.Cli.Tests.Infrastructure;

namespace PortCatalog.Cli.Tests.Commands;

/// <summary><c>portcat wait</c> run as a process: exit 0 when all are up, 1 on timeout, 2 on bad input.</summary>
public sealed class WaitCommandTests
{
    private const string ExitMarker = "PORTCAT_EXIT=";

    [Fact]
    public void EndpointsAlreadyUpExit0AndPrintNothing()
    {
        using var listeners = new LoopbackListeners();
        var v4 = listeners.Open(IPAddress.Loopback);
        var v6 = listeners.Open(IPAddress.IPv6Loopback);

        var run = Portcat.Run("wait", $"127.0.0.1:{v4}", $"[::1]:{v6}", "--timeout", "10s");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public async Task APortThatOpensLaterEndsTheWaitWithExit0()
    {
        var port = ProbeTargets.FreeTcpPort(IPAddress.Loopback);
        using var process = Portcat.Start([], "wait", $"127.0.0.1:{port}", "--timeout", "30s");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        await Task.Delay(TimeSpan.FromMilliseconds(700));
        if (process.HasExited)
        {
            Assert.Fail($"portcat exited {process.ExitCode} before the port opened: {await stderr}");
        }

        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(limit.Token);

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await stdout}{await stderr}");
        Assert.Equal(string.Empty, await stdout + await stderr);
    }

    [Fact]
    public void ATimeoutExits1WithOneLineForEachEndpointThatWasNotUp()
    {
        using var listeners = new LoopbackListeners();
        var open = listeners.Open(IPAddress.Loopback);
        var closed = ProbeTargets.FreeTcpPort(IPAddress.Loopback);
        var closed6 = ProbeTargets.FreeTcpPort(IPAddress.IPv6Loopback);
        var clock = Stopwatch.StartNew();

        var run = Portcat.Run("wait", $"127.0.0.1:{open}", $"127.0.0.1:{closed}", $"[::1]:{closed6}", "--timeout", "400ms");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(400), $"exited after {clock.Elapsed}");
        Assert.Equal(string.Empty, run.Stdout);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"portcat: wait: 127.0.0.1:{closed} did not open: waited 0.4", lines[0]);
        Assert.EndsWith("last seen: closed (conn-refused).", lines[0]);
        Assert.StartsWith($"portcat: wait: [::1]:{closed6} did not open", lines[1]);
    }

    [Fact]
    public void AServiceNameFromTheCatalogStandsForItsPort()
    {
        var run = Portcat.Run("wait", "127.0.0.1:postgresql", "--timeout", "50ms");

        // Whether or not a PostgreSQL listens on this machine, the name must have become port 5432.
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        if (run.ExitCode == 1)
        {
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{WellKnownPorts.PostgreSql} did not open"), run.Stderr);
        }
    }

    [Theory]
    [InlineData("wait: '127.0.0.1' is not HOST:PORT", "wait", "127.0.0.1")]
    [InlineData("wait: '127.0.0.1:' is not HOST:PORT", "wait", "127.0.0.1:")]
    [InlineData("wait: ':80' is not HOST:PORT", "wait", ":80")]
    [InlineData("port '70000' is not between 1 and 65535", "wait", "127.0.0.1:70000")]
    [InlineData("port '0' is not between 1 and 65535", "wait", "127.0.0.1:0")]
    [InlineData("'nosuchservice' is neither a port number nor a service name", "wait", "127.0.0.1:nosuchservice")]
    [InlineData("'10' is not an IPv4 address", "wait", "10:80")]
    [InlineData("'1.2.3.400' is not an IPv4 address", "wait", "1.2.3.400:80")]
    [InlineData("an IPv6 address goes in brackets", "wait", "::1:80")]
    [InlineData("an IPv6 address goes in brackets", "wait", "[::1:80")]
    [InlineData("'bad host!' is not a valid host name", "wait", "bad host!:80")]
    [InlineData("--timeout: '0' is not a duration", "wait", "127.0.0.1:80", "--timeout", "0")]
    [InlineData("--timeout: 'soon' is not a duration", "wait", "127.0.0.1:80", "--timeout", "soon")]
    [InlineData("Required argument missing for command: 'wait'", "wait")]
    [InlineData("--service: 'telnet' is not a service portcat can identify", "wait", "127.0.0.1:5432", "--service", "telnet")]
    [InlineData("--service: 'nosuchservice' is not a service portcat can identify", "wait", "[::1]:6379", "--service", "nosuchservice")]
    public void BadInputExits2WithOneLineAndResolvesNothing(string message, params string[] args)
    {
        // Bad input is refused before any lookup, so none of these names reaches a resolver.
        var run = Portcat.Run(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Stdout);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("portcat: error: ", line);
        Assert.Contains(message, line);
    }

    [LinuxProgramFact("redis-server")]
    public void WaitingForTheServiceThatAnswersExits0()
    {
        using var redis = RedisServer.Start();

        var run = Portcat.Run("wait", $"127.0.0.1:{redis.Port}", "--service", "redis", "--timeout", "20s");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Empty, run.Output);
    }

    [LinuxProgramFact("redis-server")]
    public void WaitingForAnotherServiceExits1SayingWhatAnswers()
    {
        using var redis = RedisServer.Start();

        var run = Portcat.Run("wait", $"127.0.0.1:{redis.Port}", "--service", "postgresql", "--timeout", "3s");

        Assert.True(run.ExitCode == 1, run.ToString());
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"portcat: wait: 127.0.0.1:{redis.Port} did not answer as postgresql: waited 3.0", line);
        Assert.Contains("last seen: open but answers as redis (Redis", line);
    }

    [LinuxRootFact]
    public void ANameThatNeverResolvesExits1SayingSo()
    {
        // In a fresh network namespace the resolver has no network: the lookup fails here, never leaving the machine.
        var run = Portcat.RunWith(NetworkNamespace.FreshWithoutNetwork, "wait", "no-such-host.invalid:5432", "--timeout", "1s");

        Assert.True(run.ExitCode == 1, run.ToString());
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("portcat: wait: no-such-host.invalid:5432 did not open: waited 1.0", line);
        Assert.Contains("last seen: name not resolved", line);
    }

    [LinuxProgramFact("tmux")]
    public void OnATerminalAProgressLineShowsWhatIsStillAwaited()
    {
        var port = ProbeTargets.FreeTcpPort(IPAddress.Loopback);

        using var tmux = new Tmux($"{Portcat.ShellCommand($"wait 127.0.0.1:{port} --timeout 3s")}; echo {ExitMarker}$?; sleep 120");
        var waiting = tmux.WaitFor(s => s.Contains("portcat: waiting", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var screen = tmux.WaitFor(s => s.Contains(ExitMarker, StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        Assert.Contains($"0/1 up; waiting for 127.0.0.1:{port}", waiting);
        Assert.Contains($"{ExitMarker}1", screen);
        // The progress line was erased; what remains is the one line for the endpoint that was not up.
        Assert.DoesNotContain("portcat: waiting", screen);
        Assert.Contains($"portcat: wait: 127.0.0.1:{port} did not open", screen);
    }
}
