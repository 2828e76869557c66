using System;
using System.IO;
using Spectre.Console;

namespace PortCatalog.Cli;

/// <summary>
/// Where portcat writes: results on stdout (a Spectre console for tables and the live progress bar, the raw writer for
/// JSON and CSV), notes, progress lines and errors on stderr, so that redirected stdout holds only the results.
/// </summary>
internal sealed class CliConsole : IDisposable
{
    private const int RedirectedWidth = 1000;

    private readonly bool _ownsOutput;

    private CliConsole(IAnsiConsole output, TextWriter outputWriter, TextWriter error, bool isOutputTerminal, bool ownsOutput = false)
    {
        _ownsOutput = ownsOutput;
        Output = output;
        OutputWriter = outputWriter;
        Error = error;
        IsOutputTerminal = isOutputTerminal;
    }

    /// <summary>The process's console: a live progress bar and colours only when stdout is a terminal.</summary>
    public static CliConsole Standard { get; } = CreateStandard();

    /// <summary>Rich output (tables, progress) to stdout.</summary>
    public IAnsiConsole Output { get; }

    /// <summary>Plain text to stdout (JSON, CSV).</summary>
    public TextWriter OutputWriter { get; }

    /// <summary>Notes, progress lines and errors.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether stdout is a terminal a person watches (live progress bar) rather than a pipe or file.</summary>
    public bool IsOutputTerminal { get; }

    /// <summary>A note for people, on stderr so that it never mixes into machine-readable output.</summary>
    public void Note(string message) => Error.WriteLine(message);

    /// <summary>A console whose results go to <paramref name="file"/> (<c>-o FILE</c>), plain as redirected stdout; notes still go to stderr.</summary>
    public static CliConsole ForFile(TextWriter file)
    {
        var output = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(file),
        });
        output.Profile.Width = RedirectedWidth;
        return new CliConsole(output, file, Console.Error, isOutputTerminal: false, ownsOutput: true);
    }

    /// <summary>Closes the file of a <see cref="ForFile"/> console; the standard streams stay open.</summary>
    public void Dispose()
    {
        if (_ownsOutput)
        {
            OutputWriter.Dispose();
        }
    }

    private static CliConsole CreateStandard()
    {
        var isTerminal = !Console.IsOutputRedirected;
        var output = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        if (!isTerminal)
        {
            // A file or pipe has no width: keep each row on one line instead of wrapping descriptions at 80 columns.
            output.Profile.Width = RedirectedWidth;
        }

        return new CliConsole(output, Console.Out, Console.Error, isTerminal && output.Profile.Capabilities.Interactive);
    }

    /// <summary>The one-line error every failure prints: <c>portcat: error: ...</c>.</summary>
    public void Fail(string message) => Error.WriteLine($"portcat: error: {message}");
}
