using System;
using System.Collections.Generic;

namespace PortCatalog.Cli.Scanning.Reports;

/// <summary>How a scan ended, for the reports' footers.</summary>
/// <param name="Ended">When it ended.</param>
/// <param name="Elapsed">How long it ran.</param>
/// <param name="HostsScanned">Hosts whose probes all finished (all of them, unless interrupted).</param>
/// <param name="Interrupted">Whether Ctrl+C stopped it.</param>
/// <param name="Lines">The summary for people (and, after an empty result, what was scanned and how to scan more).</param>
internal sealed record ScanEnd(DateTimeOffset Ended, TimeSpan Elapsed, long HostsScanned, bool Interrupted, IReadOnlyList<string> Lines);
