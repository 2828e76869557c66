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

    public static string Duration(TimeSpan time) => time.TotalSeconds < 60
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(time.TotalSeconds):0}s")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalMinutes}m{time.Seconds:00}s");
}
