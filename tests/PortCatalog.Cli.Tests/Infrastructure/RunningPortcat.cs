using System.Diagnostics;

namespace PortCatalog.Cli.Tests.Infrastructure;

/// <summary>
/// portcat running as a child process with redirected output: its stderr lines as they come (plain progress lines),
/// a wait for one that matches, SIGINT as Ctrl+C sends it, and the exit. Killed on dispose if still running.
/// </summary>
internal sealed class RunningPortcat : IDisposable
{
    private const int SigInt = 2;
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly List<string> _stderr = [];
    private readonly ManualResetEventSlim _matched = new();
    private readonly Func<string, bool> _watch;

    /// <param name="prefix">A command prefix such as <c>unshare --net ...</c>, or empty.</param>
    /// <param name="watch">The stderr line <see cref="WaitForLine"/> waits for.</param>
    /// <param name="args">portcat's arguments.</param>
    public RunningPortcat(string[] prefix, Func<string, bool> watch, params string[] args)
    {
        _watch = watch;
        _process = Portcat.Start(prefix, args);
        _stdout = _process.StandardOutput.ReadToEndAsync();
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_stderr)
            {
                _stderr.Add(e.Data);
            }

            if (_watch(e.Data))
            {
                _matched.Set();
            }
        };
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return string.Join('\n', _stderr);
            }
        }
    }

    public bool WaitForLine(TimeSpan timeout) => _matched.Wait(timeout);

    /// <summary>Sends SIGINT and waits for the exit; returns the exit code, stdout and stderr.</summary>
    public ProcessResult Interrupt(TimeSpan timeout)
    {
        Assert.Equal(0, Native.Kill(_process.Id, SigInt));
        Assert.True(_process.WaitForExit(timeout), "portcat did not stop after SIGINT.");
        _process.WaitForExit();
        return new ProcessResult(_process.ExitCode, _stdout.Result, Stderr);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        _matched.Dispose();
    }
}
