using System;
using System.Globalization;

namespace PortCatalog.Cli.Scanning.Reports;

/// <summary>Times as nmap writes them: Unix seconds, and C's <c>ctime</c> text (<c>Thu Nov  6 12:33:00 2026</c>).</summary>
internal static class NmapTime
{
    public static string Unix(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string CTime(DateTimeOffset time)
    {
        var local = time.ToLocalTime();
        return string.Create(CultureInfo.InvariantCulture, $"{local:ddd MMM} {local.Day,2} {local:HH:mm:ss yyyy}");
    }
}
