using System.Reflection;

namespace PortCatalog.HealthChecks.Tests;

/// <summary>samples/PortCatalog.HealthChecks.Sample run as a process, in a network namespace of its own.</summary>
public sealed class SampleAppTests
{
    private static string SampleDll { get; } = typeof(SampleAppTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SampleDll").Value!;

    [LinuxRootFact("ip")]
    public void TheSampleReportsADependencyWhoseNameDoesNotResolve()
    {
        // Inside `unshare --net` (lo up, nothing else) the resolver has no network, so the name fails on this machine and
        // never leaves it, and nothing listens on the Redis port. bash's /dev/tcp waits for the app and sends the request.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var script = $$"""
            '{{dotnet}}' '{{SampleDll}}' --urls http://127.0.0.1:5181 --Postgres:Host=no-such-host.invalid --Redis:Port=46379 >/dev/null 2>&1 &
            for i in $(seq 1 600); do (exec 3<>/dev/tcp/127.0.0.1/5181) 2>/dev/null && break; sleep 0.1; done
            exec 3<>/dev/tcp/127.0.0.1/5181
            printf 'GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
            cat <&3
            kill %1
            """;

        string[] command = [.. NetworkNamespace.FreshWithLoopback(), "bash", "-c", script];
        var run = ExternalCommand.Run(command[0], command[1..], TimeSpan.FromMinutes(2));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("HTTP/1.1 503", run.Stdout);
        Assert.Contains("\"status\": \"Unhealthy\"", run.Stdout);
        Assert.Contains("no-such-host.invalid:5432: name not resolved", run.Stdout);
        Assert.Contains("\"state\": \"NameNotResolved\"", run.Stdout);
        Assert.Contains("127.0.0.1:46379 is closed", run.Stdout);
    }
}
