using PortCatalog.Cli.Tests.Infrastructure;

namespace PortCatalog.Cli.Tests;

/// <summary>
/// The error contract: any bad input gets one line on stderr naming what was wrong, exit code 2, nothing on stdout and
/// no stack trace. Every case runs in a private network namespace, so a bug that sent a typo to the resolver could not
/// reach the machine's DNS.
/// </summary>
public sealed class BadInputTests
{
    [LinuxRootTheory("ip")]
    [InlineData("--ports: Invalid port list \"70000\"", "scan", "127.0.0.1", "-p", "70000")]
    [InlineData("--ports: Invalid port list \"10-5\"", "scan", "127.0.0.1", "-p", "10-5")]
    [InlineData("--ports: 'abc' is neither a port, a range (1-1024) nor a service name in the catalog", "scan", "127.0.0.1", "-p", "abc")]
    [InlineData("--timeout: 'abc' is not a whole number from 1 to 3600000", "scan", "127.0.0.1", "--timeout", "abc")]
    [InlineData("--timeout: '1.5' is not a whole number", "scan", "127.0.0.1", "--timeout", "1.5")]
    [InlineData("--timeout: '99999999999999999999' is not a whole number", "scan", "127.0.0.1", "--timeout", "99999999999999999999")]
    [InlineData("--timeout: 99999999999 is out of range; use a whole number from 1 to 3600000", "scan", "127.0.0.1", "--timeout", "99999999999")]
    [InlineData("--timeout: 0 is out of range", "scan", "127.0.0.1", "--timeout", "0")]
    [InlineData("--timeout: -5 is out of range", "scan", "127.0.0.1", "--timeout=-5")]
    [InlineData("--window: 'abc' is not a whole number from 1 to 65536", "scan", "127.0.0.1", "--window", "abc")]
    [InlineData("--window: 0 is out of range", "scan", "127.0.0.1", "--window", "0")]
    [InlineData("--window: 70000 is out of range", "scan", "127.0.0.1", "--window", "70000")]
    [InlineData("--retries: 'x' is not a whole number from 0 to 100", "scan", "127.0.0.1", "--retries", "x")]
    [InlineData("--retries: -1 is out of range", "scan", "127.0.0.1", "--retries=-1")]
    [InlineData("--format: 'bogus' is not a format; use table, json or csv", "list", "--format", "bogus")]
    [InlineData("'--udp=maybe': --udp is a switch and takes no value", "scan", "127.0.0.1", "--udp=maybe")]
    [InlineData("'--all-states=x': --all-states is a switch", "scan", "127.0.0.1", "--all-states=x")]
    [InlineData("--range: Invalid port list \"1-99999\"", "list", "--range", "1-99999")]
    [InlineData("--transport: 'bogus' is not a transport; use tcp|udp|sctp|dccp", "list", "--transport", "bogus")]
    [InlineData("'--search'", "list", "--search")]
    [InlineData("--transport: 'sctp' is not a transport; use tcp|udp", "listeners", "--transport", "sctp")]
    [InlineData("--transport: 'x' is not a transport; use tcp|udp", "free-port", "--transport", "x")]
    [InlineData("lookup: '70000' is not a port", "lookup", "70000")]
    [InlineData("lookup: '53/xyz': 'xyz' is not a transport", "lookup", "53/xyz")]
    [InlineData("scan: '70000' is not an IPv4 address", "scan", "70000")]
    [InlineData("scan: '1.2.3.400': '400' is not an octet (0-255)", "scan", "1.2.3.400")]
    [InlineData("scan: 'a b' is not an IPv4 address", "scan", "a b")]
    [InlineData("Unrecognized command or argument 'bogus'", "bogus")]
    [InlineData("scan: no targets; name hosts on the command line or in a list file (-iL FILE)", "scan")]
    public void BadValueExits2WithOneLineNamingTheOption(string message, params string[] args)
        => AssertBadInput(Portcat.RunIsolated(args), message);

    [LinuxRootTheory("ip")]
    [InlineData("--bogus", "scan", "127.0.0.1", "--bogus")]
    [InlineData("-T4", "scan", "-T4", "127.0.0.1")]
    [InlineData("--opne", "scan", "127.0.0.1", "--opne")]
    [InlineData("--bogus", "list", "--bogus")]
    [InlineData("--bogus", "lookup", "22", "--bogus")]
    [InlineData("-x", "listeners", "-x")]
    [InlineData("--bogus", "free-port", "--bogus")]
    [InlineData("-oA", "scan", "127.0.0.1", "-oA", "base")]
    [InlineData("-sS", "scan", "127.0.0.1", "-sS")]
    [InlineData("-Pn", "scan", "-Pn", "127.0.0.1")]
    public void UnknownOptionExits2AndIsNeverResolvedAsAHost(string option, params string[] args)
    {
        var run = Portcat.RunIsolated(args);

        AssertBadInput(run, $"unknown option '{option}'");
        Assert.DoesNotContain("resolve", run.Stderr);
    }

    [LinuxRootTheory("ip")]
    [InlineData("-oX, --format: give one output", "scan", "127.0.0.1", "-oX", "a.xml", "--format", "json")]
    [InlineData("-oX, -oG: give one output", "scan", "127.0.0.1", "-oX", "a.xml", "-oG", "b")]
    [InlineData("--output: cannot write '/nonexistent/dir/out.json'", "scan", "127.0.0.1", "-p", "9", "-f", "json", "-o", "/nonexistent/dir/out.json")]
    [InlineData("--format: 'xml' is not a format of this command; use table, json or csv", "list", "--format", "xml")]
    public void ConflictingOrUnwritableOutputExits2(string message, params string[] args)
        => AssertBadInput(Portcat.RunIsolated(args), message);

    [LinuxRootFact("ip")]
    public void UnresolvableHostExits2NamingTheHost()
    {
        // In a fresh network namespace the resolver has no network: the lookup fails here, never leaving the machine.
        var run = Portcat.RunIsolated("scan", "no-such-host.invalid", "-p", "80");

        AssertBadInput(run, "scan: cannot resolve host 'no-such-host.invalid'");
    }

    internal static void AssertBadInput(ProcessResult run, string message)
    {
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Stdout);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("portcat: error: ", line);
        Assert.Contains(message, line);
        Assert.DoesNotContain("   at ", run.Stderr);
    }
}
