using System.Collections.Generic;
using PortCatalog.Cli.Output;

namespace PortCatalog.Cli.Scanning.Reports;

/// <summary>JSON or CSV rows, streamed host by host.</summary>
internal sealed class RowsReport(CliConsole console, OutputFormat format, IReadOnlyList<Column<Found>> columns) : IScanReport
{
    private readonly RowStream<Found> _stream = new(console.OutputWriter, format, RowWriter.ColumnsFor(columns, format));

    public void Begin(ScanStart start) => _stream.Begin();

    public void Host(HostReport host) => _stream.Write(host.Rows);

    public void End(ScanEnd end) => _stream.End();

    public void Dispose() => console.Dispose();
}
