using System.Diagnostics;

namespace PortCatalog.Cli.Tests.Infrastructure;

/// <summary>
/// A private tmux server (its own socket) whose one window is a pseudo-terminal of a fixed size: portcat run there sees
/// a terminal, as under a person's shell, and <see cref="Screen"/> is what that person would see.
/// </summary>
internal sealed class Tmux : IDisposable
{
    private readonly string _socket = $"portcat-test-{Guid.NewGuid():N}";

    public Tmux(string shellCommand, int width = 150, int height = 40)
        => Run("-u", "new-session", "-d", "-x", $"{width}", "-y", $"{height}", shellCommand);

    /// <summary>The visible screen as text, one line per row.</summary>
    public string Screen() => Run("capture-pane", "-p");

    public void SendKeys(string keys) => Run("send-keys", keys);

    /// <summary>Polls the screen until <paramref name="done"/> holds for it, or <paramref name="timeout"/> passes.</summary>
    public string WaitFor(Func<string, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var screen = Screen();
            if (done(screen) || clock.Elapsed > timeout)
            {
                return screen;
            }

            Thread.Sleep(100);
        }
    }

    public void Dispose()
    {
        try
        {
            Run("kill-server");
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private string Run(params string[] args) => ExternalCommand.RunChecked("tmux", ["-L", _socket, .. args]);
}
