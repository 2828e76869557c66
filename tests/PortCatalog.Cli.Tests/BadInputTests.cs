namespace PortCatalog.Cli.Tests;

public sealed class BadInputTests
{
    [Theory]
    [InlineData("--ports: Invalid port list \"70000\"", "scan", "127.0.0.1", "-p", "70000")]
    [InlineData("--ports: Invalid port list \"10-5\"", "scan", "127.0.0.1", "-p", "10-5")]
    [InlineData("--ports: Invalid port list \"abc\"", "scan", "127.0.0.1", "-p", "abc")]
    [InlineData("--range: Invalid port list \"1-99999\"", "list", "--range", "1-99999")]
    [InlineData("lookup: '70000' is not a port", "lookup", "70000")]
    [InlineData("lookup: '53/xyz': 'xyz' is not a transport", "lookup", "53/xyz")]
    [InlineData("--timeout: 0 is too small", "scan", "127.0.0.1", "--timeout", "0")]
    [InlineData("--format: 'xml' is not a format", "list", "--format", "xml")]
    [InlineData("--transport: 'sctp' is not a transport; use tcp|udp", "listeners", "--transport", "sctp")]
    [InlineData("scan: '70000' is not an IPv4 address", "scan", "70000")]
    [InlineData("scan: '1.2.3.400' is not an IPv4 address", "scan", "1.2.3.400")]
    [InlineData("Unrecognized command or argument 'bogus'", "bogus")]
    [InlineData("Required argument missing for command: 'scan'", "scan")]
    public void Bad_input_exits_2_with_one_line_naming_what_was_wrong(string message, params string[] args)
    {
        var run = Portcat.Run(args);

        AssertBadInput(run, message);
    }

    [LinuxRootFact]
    public void Unresolvable_host_exits_2_naming_the_host()
    {
        // In a fresh network namespace the resolver has no network: the lookup fails here, never leaving the machine.
        var run = Portcat.RunWith(["unshare", "--net"], "scan", "no-such-host.invalid", "-p", "80");

        AssertBadInput(run, "scan: cannot resolve host 'no-such-host.invalid'");
    }

    private static void AssertBadInput(ProcessResult run, string message)
    {
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Stdout);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("portcat: error: ", line);
        Assert.Contains(message, line);
        Assert.DoesNotContain("   at ", run.Stderr);
    }
}
