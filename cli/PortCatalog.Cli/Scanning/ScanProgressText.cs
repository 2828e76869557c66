using System;
using System.Globalization;

namespace PortCatalog.Cli.Scanning;

/// <summary>The words a scan's progress is told in, the same on the live bar and in plain lines.</summary>
internal static class ScanProgressText
{
    public static string Format(ScanProgress progress)
    {
        var eta = progress.ProbesPerSecond > 0 && progress.Completed < progress.Total
            ? $" · ETA {Duration(TimeSpan.FromSeconds((progress.Total - progress.Completed) / progress.ProbesPerSecond))}"
            : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{progress.Completed:N0}/{progress.Total:N0} probes · {progress.Open:N0} open · {progress.ProbesPerSecond:N0} probes/s{eta}");
    }

    /// <summary>
    /// The live bar's line, fitted to <paramref name="width"/> columns so the terminal never wraps it: the label, a bar of
    /// 10 to 30 cells, the percentage and as many of the figures as fit (at 80 columns: done/total, open, rate, ETA).
    /// </summary>
    public static string Line(string label, ScanProgress progress, int width)
    {
        var percent = string.Create(CultureInfo.InvariantCulture, $"{progress.Fraction * 100,3:0}%");
        var eta = progress.ProbesPerSecond > 0 && progress.Completed < progress.Total
            ? $" · ETA {Duration(TimeSpan.FromSeconds((progress.Total - progress.Completed) / progress.ProbesPerSecond))}"
            : string.Empty;
        string[] figures =
        [
            Format(progress),
            string.Create(CultureInfo.InvariantCulture, $"{progress.Completed:N0}/{progress.Total:N0} · {progress.Open:N0} open · {progress.ProbesPerSecond:N0}/s{eta}"),
            string.Create(CultureInfo.InvariantCulture, $"{progress.Open:N0} open{eta}"),
        ];
        const int MinBar = 10, MaxBar = 30;
        foreach (var stats in figures)
        {
            var bar = width - label.Length - percent.Length - stats.Length - 3;
            if (bar >= MinBar)
            {
                return $"{label} {Bar(progress.Fraction, Math.Min(bar, MaxBar))} {percent} {stats}";
            }
        }

        // Narrower still: shorten the label, keep the bar and the open count.
        var last = figures[^1];
        var room = Math.Max(1, width - MinBar - percent.Length - last.Length - 3);
        var shortLabel = label.Length <= room ? label : label[..Math.Max(0, room - 1)] + "…";
        var line = $"{shortLabel} {Bar(progress.Fraction, MinBar)} {percent} {last}";
        return line.Length <= width ? line : line[..Math.Max(0, width)];
    }

    private static string Bar(double fraction, int cells)
    {
        var done = (int)Math.Round(Math.Clamp(fraction, 0, 1) * cells);
        return new string('━', done) + new string('─', cells - done);
    }

    public static string Duration(TimeSpan time) => time.TotalSeconds < 60
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(time.TotalSeconds):0}s")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalMinutes}m{time.Seconds:00}s");
}
