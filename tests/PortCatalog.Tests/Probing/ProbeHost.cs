using System.Diagnostics;

namespace PortCatalog.Tests.Probing;

/// <summary>Runs tests/PortCatalog.ProbeHost (copied beside the test binaries) and parses its one <c>key=value</c> line.</summary>
internal static class ProbeHost
{
    public static Dictionary<string, string> Run(TimeSpan timeout, params string[] arguments) => Run(timeout, prlimitNoFile: null, arguments);

    /// <param name="prlimitNoFile">When set, the child runs under <c>prlimit --nofile=N:N</c>.</param>
    public static Dictionary<string, string> Run(TimeSpan timeout, int? prlimitNoFile, params string[] arguments)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "PortCatalog.ProbeHost.dll");
        Assert.True(File.Exists(host), $"{host} is missing; the test project references tests/PortCatalog.ProbeHost to copy it.");

        var start = new ProcessStartInfo(prlimitNoFile is null ? "dotnet" : "prlimit") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (prlimitNoFile is { } limit)
        {
            start.ArgumentList.Add($"--nofile={limit}:{limit}");
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(host);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"ProbeHost {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        var line = output.Result.Trim();
        Assert.True(process.ExitCode == 0, $"ProbeHost {string.Join(' ', arguments)} exited {process.ExitCode}: {line} {error.Result}");
        return line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f.Length > 1 ? f[1] : string.Empty);
    }
}
