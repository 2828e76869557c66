
namespace PortCatalog.Tests.Probing;

/// <summary>Runs tests/PortCatalog.ProbeHost (copied beside the test binaries) and parses its one <c>key=value</c> line.</summary>
internal static class ProbeHost
{
    public static Dictionary<string, string> Run(TimeSpan timeout, params string[] arguments) => Run(timeout, prlimitNoFile: null, arguments);

    /// <param name="prlimitNoFile">When set, the child runs under <c>prlimit --nofile=N:N</c>.</param>
    public static Dictionary<string, string> Run(TimeSpan timeout, int? prlimitNoFile, params string[] arguments)
        => RunIn(null, timeout, prlimitNoFile, arguments);

    /// <param name="netns">When set, the child runs inside that network namespace (<c>ip netns exec</c>).</param>
    /// <param name="prlimitNoFile">When set, the child runs under <c>prlimit --nofile=N:N</c>.</param>
    public static Dictionary<string, string> RunIn(NetworkNamespace? netns, TimeSpan timeout, int? prlimitNoFile, params string[] arguments)
        => RunWithOutput(netns, timeout, prlimitNoFile, arguments).Fields;

    /// <summary>As <see cref="RunIn"/>, also returning what the child printed (its stderr carries messages such as a wait's timeout).</summary>
    public static (Dictionary<string, string> Fields, ProcessResult Result) RunWithOutput(NetworkNamespace? netns, TimeSpan timeout, int? prlimitNoFile, params string[] arguments)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "PortCatalog.ProbeHost.dll");
        Assert.True(File.Exists(host), $"{host} is missing; the test project references tests/PortCatalog.ProbeHost to copy it.");

        string[] command = prlimitNoFile is { } limit
            ? ["prlimit", $"--nofile={limit}:{limit}", "dotnet", host, .. arguments]
            : ["dotnet", host, .. arguments];
        if (netns is not null)
        {
            command = [.. netns.ExecPrefix, .. command];
        }
        var result = ExternalCommand.Run(command[0], command[1..], timeout);

        var line = result.Stdout.Trim();
        Assert.True(result.ExitCode == 0, $"ProbeHost {string.Join(' ', arguments)} exited {result.ExitCode}: {line} {result.Stderr}");
        return (line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f.Length > 1 ? f[1] : string.Empty), result);
    }
}
