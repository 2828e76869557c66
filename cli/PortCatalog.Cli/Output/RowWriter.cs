using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace PortCatalog.Cli.Output;

/// <summary>
/// The one place every command's rows become a table, JSON or CSV, so that the formats stay alike: the same field names
/// in JSON and CSV, numbers as numbers, a missing value as JSON <c>null</c> and an empty CSV cell.
/// </summary>
internal static class RowWriter
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,

        // Descriptions hold quotes, '+' and '<'; keep them readable. Output goes to a terminal or file, never into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<TRow>(CliConsole console, OutputFormat format, IReadOnlyList<Column<TRow>> columns, IEnumerable<TRow> rows)
    {
        var use = format == OutputFormat.Table ? ColumnUse.Table : ColumnUse.Data;
        columns = columns.Where(c => (c.Use & use) != 0).ToArray();
        switch (format)
        {
            case OutputFormat.Table:
                WriteTable(console.Output, columns, rows);
                break;
            case OutputFormat.Json:
                WriteJson(console.OutputWriter, columns, rows);
                break;
            case OutputFormat.Csv:
                WriteCsv(console.OutputWriter, columns, rows);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    private static void WriteTable<TRow>(IAnsiConsole console, IReadOnlyList<Column<TRow>> columns, IEnumerable<TRow> rows)
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

    private static void WriteJson<TRow>(TextWriter writer, IReadOnlyList<Column<TRow>> columns, IEnumerable<TRow> rows)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartObject();
                foreach (var column in columns)
                {
                    json.WritePropertyName(column.Field);
                    switch (column.Value(row))
                    {
                        case null:
                            json.WriteNullValue();
                            break;
                        case int number:
                            json.WriteNumberValue(number);
                            break;
                        case long number:
                            json.WriteNumberValue(number);
                            break;
                        case double number:
                            json.WriteNumberValue(number);
                            break;
                        case bool flag:
                            json.WriteBooleanValue(flag);
                            break;
                        case var value:
                            json.WriteStringValue(FormatText(value));
                            break;
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        writer.WriteLine(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
        writer.Flush();
    }

    private static void WriteCsv<TRow>(TextWriter writer, IReadOnlyList<Column<TRow>> columns, IEnumerable<TRow> rows)
    {
        var line = new StringBuilder();
        for (var i = 0; i < columns.Count; i++)
        {
            AppendCsvField(line, i, columns[i].Field);
        }

        writer.Write(line.Append("\r\n"));
        foreach (var row in rows)
        {
            line.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                AppendCsvField(line, i, FormatText(columns[i].Value(row)));
            }

            writer.Write(line.Append("\r\n"));
        }

        writer.Flush();
    }

    // RFC 4180: quote a field that holds a separator, a quote or a line break (or edge spaces some readers trim), and double its quotes.
    private static void AppendCsvField(StringBuilder line, int index, string field)
    {
        if (index > 0)
        {
            line.Append(',');
        }

        var needsQuotes = field.AsSpan().IndexOfAny(",\"\r\n") >= 0
            || (field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])));
        if (!needsQuotes)
        {
            line.Append(field);
            return;
        }

        line.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    private static string FormatText(object? value) => value switch
    {
        null => string.Empty,
        double number => number.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
