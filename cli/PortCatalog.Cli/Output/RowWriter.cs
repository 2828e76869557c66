using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Spectre.Console;

namespace PortCatalog.Cli.Output;

/// <summary>
/// The one place every command's rows become a table, JSON or CSV (through <see cref="RowStream{TRow}"/>), so that the formats stay alike: the same field names
/// in JSON and CSV, numbers as numbers, a missing value as JSON <c>null</c> and an empty CSV cell.
/// </summary>
internal static class RowWriter
{
    public static void Write<TRow>(CliConsole console, OutputFormat format, IReadOnlyList<Column<TRow>> columns, IEnumerable<TRow> rows)
    {
        columns = ColumnsFor(columns, format);
        switch (format)
        {
            case OutputFormat.Table:
                WriteTable(console.Output, columns, rows);
                break;
            case OutputFormat.Json or OutputFormat.Csv:
                var stream = new RowStream<TRow>(console.OutputWriter, format, columns);
                stream.Begin();
                stream.Write(rows);
                stream.End();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    /// <summary>The columns <paramref name="format"/> shows: a table can show <c>6000-6063</c> where data has two numbers.</summary>
    public static Column<TRow>[] ColumnsFor<TRow>(IReadOnlyList<Column<TRow>> columns, OutputFormat format)
    {
        var use = format == OutputFormat.Table ? ColumnUse.Table : ColumnUse.Data;
        return columns.Where(c => (c.Use & use) != 0).ToArray();
    }

    /// <summary>Writes <paramref name="rows"/> as a table for people.</summary>
    public static void WriteTable<TRow>(IAnsiConsole console, IReadOnlyList<Column<TRow>> columns, IEnumerable<TRow> rows)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            var tableColumn = new TableColumn(new Text(column.Header, new Style(decoration: Decoration.Bold)));
            table.AddColumn(column.AlignRight ? tableColumn.RightAligned() : tableColumn);
        }

        foreach (var row in rows)
        {
            var cells = new Text[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                // Text, not Markup: a description such as "[MS-RPC]" must print as written.
                cells[i] = new Text(FormatText(columns[i].Value(row)));
            }

            table.AddRow(cells);
        }

        console.Write(table);
    }

    /// <summary>A cell as text: invariant numbers, an empty string for null.</summary>
    public static string FormatText(object? value) => value switch
    {
        null => string.Empty,
        double number => number.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
