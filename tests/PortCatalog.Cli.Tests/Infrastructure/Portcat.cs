using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace PortCatalog.Cli.Tests.Infrastructure;

/// <summary>The built portcat, run as a child process with redirected output (so it prints plain, uncoloured text).</summary>
internal static class Portcat
{
    public static string DllPath { get; } = typeof(Portcat).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "PortcatDll").Value!;

    /// <summary>The dotnet host that runs the tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string DotnetHost { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
        ? host
        : "dotnet";

    /// <summary>The command line that runs portcat, for a shell or a terminal multiplexer.</summary>
    public static string ShellCommand(string arguments) => $"'{DotnetHost}' '{DllPath}' {arguments}";

    public static ProcessResult Run(params string[] args) => RunWith(prefix: [], args);

    /// <summary>Runs portcat under <paramref name="prefix"/>, such as <c>unshare --net</c>.</summary>
    public static ProcessResult RunWith(string[] prefix, params string[] args)
    {
        string[] command = [.. prefix, DotnetHost, DllPath, .. args];
        return ExternalCommand.Run(command[0], command[1..], TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// Runs portcat in a private network namespace whose only interface is an up loopback: any name it resolves, any
    /// packet it sends, stays inside (needs root; tests that use it are <see cref="LinuxRootFactAttribute"/> or
    /// <see cref="LinuxRootTheoryAttribute"/>). Bad input and name resolution are tested this way, so that a bug can
    /// never send a typo to the machine's resolver.
    /// </summary>
    public static ProcessResult RunIsolated(params string[] args) => RunWith(IsolatedPrefix, args);

    /// <summary>As <see cref="RunIsolated"/>, with <paramref name="stdin"/> written to portcat's standard input.</summary>
    public static ProcessResult RunIsolatedWithInput(string stdin, params string[] args)
    {
        string[] command = [.. IsolatedPrefix, DotnetHost, DllPath, .. args];
        return ExternalCommand.Run(command[0], command[1..], TimeSpan.FromSeconds(60), stdin: stdin);
    }

    /// <summary>The command prefix that runs a program in a fresh network namespace with loopback up.</summary>
    public static string[] IsolatedPrefix { get; } = NetworkNamespace.FreshWithLoopback();

    public static Process Start(string[] prefix, params string[] args)
    {
        var all = prefix.Concat([DotnetHost, DllPath]).Concat(args).ToArray();
        var info = new ProcessStartInfo(all[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in all.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("portcat did not start.");
    }
}
