using System;

namespace PortCatalog.Cli.Scanning.Reports;

/// <summary>
/// One destination of a scan's results in one format (stdout or the <c>-o</c> file). Hosts arrive as their probes finish,
/// in the order given, so a report can stream them; <see cref="End"/> is called after an interrupted scan too, so the
/// document it leaves is complete.
/// </summary>
internal interface IScanReport : IDisposable
{
    void Begin(ScanStart start);

    /// <summary>A host whose probes have all finished (or all that finished before Ctrl+C).</summary>
    void Host(HostReport host);

    void End(ScanEnd end);
}
