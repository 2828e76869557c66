namespace PortCatalog.Cli.Scanning;

/// <summary>A scan as the command line asks for it.</summary>
/// <param name="Targets">The target words on the command line.</param>
/// <param name="InputList">The <c>-iL</c> file, <c>-</c> for stdin, or null.</param>
/// <param name="Ports">The <c>-p</c> value.</param>
/// <param name="Options">How to probe (the scanner reports every state; <paramref name="ListAllStates"/> decides what is listed).</param>
/// <param name="ListAllStates">List closed and filtered ports too (<c>--all-states</c>).</param>
/// <param name="ShowReason">Show why each port is in its state (<c>--reason</c>) in the table, JSON and CSV.</param>
/// <param name="Format">The output format.</param>
/// <param name="OutputFile">The <c>-o</c> file, <c>-</c> for stdout, or null.</param>
internal sealed record ScanRequest(string[] Targets, string? InputList, PortSpec Ports, PortScanOptions Options, bool ListAllStates, bool ShowReason, Output.OutputFormat Format, string? OutputFile);
