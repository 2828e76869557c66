using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PortCatalog.Cli.Scanning;

/// <summary>
/// Shows a running scan: a live progress bar (done/total, open found, rate, ETA) when stdout is a terminal, else a plain
/// line on stderr about once a second, so that redirected stdout holds only the results.
/// </summary>
internal static class ScanProgressView
{
    private static readonly TimeSpan PlainLineInterval = TimeSpan.FromSeconds(1);

    /// <summary>Runs <paramref name="scan"/>, giving it the progress sink of the view that fits the console.</summary>
    /// <param name="console">Where to show progress.</param>
    /// <param name="label">What is scanned, such as <c>127.0.0.1 (1,024 ports)</c>.</param>
    /// <param name="keepBar">Leave the finished bar on screen (above a table) instead of clearing it (before JSON or CSV).</param>
    /// <param name="scan">The scan; it reports through the sink it is given.</param>
    public static Task RunAsync(CliConsole console, string label, bool keepBar, Func<IProgress<ScanProgress>, Task> scan)
    {
        if (!console.IsOutputTerminal)
        {
            console.Note($"Scanning {label}");
            return scan(new PlainLines(console));
        }

        // One column draws the whole line, fitted to the terminal's width: Spectre's own columns wrap into a stack of
        // lines when the terminal is narrower than their sum.
        var line = new LineColumn(label);
        return console.Output.Progress()
            .AutoClear(!keepBar)
            .HideCompleted(false)
            .Columns(line)
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: 1);
                var sink = new SynchronousProgress(progress =>
                {
                    line.Progress = progress;
                    task.MaxValue = Math.Max(progress.Total, 1);
                    task.Value = progress.Completed;
                });
                try
                {
                    await scan(sink).ConfigureAwait(false);
                }
                finally
                {
                    // Interrupted or not, the bar stops where the scan stopped; the renderer draws it once more.
                    task.StopTask();
                    context.Refresh();
                }
            });
    }

    /// <summary>Calls back on the reporting thread, in order (<see cref="Progress{T}"/> posts to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(Action<ScanProgress> report) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => report(value);
    }

    private sealed class PlainLines(CliConsole console) : IProgress<ScanProgress>
    {
        private readonly Stopwatch _sinceLastLine = Stopwatch.StartNew();

        public void Report(ScanProgress value)
        {
            // The scanner reports about ten times a second and once at the end; a log wants a line a second at most.
            if (_sinceLastLine.Elapsed < PlainLineInterval || value.Completed >= value.Total)
            {
                return;
            }

            _sinceLastLine.Restart();
            console.Note(string.Create(CultureInfo.InvariantCulture, $"  {value.Fraction * 100:0}% {ScanProgressText.Format(value)}"));
        }
    }

    /// <summary>The progress line: label, bar, percentage and figures; written by the scan, read by the renderer.</summary>
    private sealed class LineColumn(string label) : ProgressColumn
    {
        private readonly object _gate = new();
        private ScanProgress _progress;

        public ScanProgress Progress
        {
            get
            {
                lock (_gate)
                {
                    return _progress;
                }
            }

            set
            {
                lock (_gate)
                {
                    _progress = value;
                }
            }
        }

        protected override bool NoWrap => true;

        // One cell less than the width: writing the last column makes some terminals wrap.
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
            => new Text(ScanProgressText.Line(label, Progress, options.ConsoleSize.Width - 1));
    }
}
