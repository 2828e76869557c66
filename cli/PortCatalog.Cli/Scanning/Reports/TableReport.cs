using System.Collections.Generic;
using PortCatalog.Cli.Output;

namespace PortCatalog.Cli.Scanning.Reports;

/// <summary>The table for people, written when the scan ends, followed by the summary lines.</summary>
internal sealed class TableReport(CliConsole console, IReadOnlyList<Column<Found>> columns) : IScanReport
{
    private readonly List<Found> _rows = [];

    public void Begin(ScanStart start)
    {
    }

    public void Host(HostReport host) => _rows.AddRange(host.Rows);

    public void End(ScanEnd end)
    {
        if (_rows.Count > 0)
        {
            RowWriter.WriteTable(console.Output, RowWriter.ColumnsFor(columns, OutputFormat.Table), _rows);
        }

        foreach (var line in end.Lines)
        {
            console.OutputWriter.WriteLine(line);
        }

        console.OutputWriter.Flush();
    }

    public void Dispose() => console.Dispose();
}
