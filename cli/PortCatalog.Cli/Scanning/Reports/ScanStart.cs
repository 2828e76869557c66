using System;
using System.Collections.Generic;

namespace PortCatalog.Cli.Scanning.Reports;

/// <summary>What a scan is about to do, for the reports' headers.</summary>
/// <param name="CommandLine">portcat's command line, as nmap records its own in XML and grepable output.</param>
/// <param name="Started">When the scan started.</param>
/// <param name="Ports">The ports probed on each host.</param>
/// <param name="Transports">The transports probed.</param>
/// <param name="Targets">The targets as given.</param>
/// <param name="Hosts">How many addresses the targets stand for.</param>
/// <param name="ListsAllStates">Whether every probed port is listed (<c>--all-states</c>), not only open ones.</param>
internal sealed record ScanStart(string CommandLine, DateTimeOffset Started, PortSet Ports, Transport Transports, IReadOnlyList<TargetSpec> Targets, long Hosts, bool ListsAllStates);
