using System.Diagnostics;
using System.Text;

namespace PortCatalog.Testing;

/// <summary>What a child process printed and returned.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Both streams, stdout first: what a person would read in a terminal, for assertion messages.</summary>
    public string Output => Stdout + Stderr;

    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// Runs the programs tests need (dotnet, ip, nft, tmux, prlimit, portcat) the one way: arguments passed as a list (no
/// shell quoting), both streams read concurrently (a full stderr pipe cannot stall the child), UTF-8, and a time limit
/// after which the whole process tree is killed.
/// </summary>
internal static class ExternalCommand
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Runs <paramref name="file"/> and returns its exit code and output, whatever the exit code.</summary>
    /// <param name="configure">Adjusts the start info (environment, working directory) before the process starts.</param>
    /// <param name="stdin">Text written to the child's standard input, which is then closed; null leaves it inherited.</param>
    public static ProcessResult Run(string file, IEnumerable<string> arguments, TimeSpan? timeout = null, Action<ProcessStartInfo>? configure = null, string? stdin = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        configure?.Invoke(start);
        var commandLine = $"{file} {string.Join(' ', arguments)}";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{commandLine} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        var limit = timeout ?? DefaultTimeout;
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{commandLine} did not finish within {limit}:\n{stdout.Result}{stderr.Result}");
        }

        process.WaitForExit(); // lets the asynchronous readers reach the end of both streams
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs <paramref name="file"/> and returns its stdout; a non-zero exit throws with the command and its stderr.</summary>
    public static string RunChecked(string file, params string[] arguments)
    {
        var result = Run(file, arguments);
        return result.ExitCode == 0
            ? result.Stdout
            : throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {result.ExitCode}: {result.Stderr}");
    }
}
