using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PortCatalog.Cli.Output;

/// <summary>
/// JSON or CSV rows written as they come (a scan of a large range streams its results), with the same field names,
/// numbers as numbers, a missing value as JSON <c>null</c> and an empty CSV cell. <see cref="End"/> closes the JSON
/// array, so an interrupted scan still leaves a valid document.
/// </summary>
internal sealed class RowStream<TRow>
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,

        // Descriptions hold quotes, '+' and '<'; keep them readable. Output goes to a terminal or file, never into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly TextWriter _writer;
    private readonly bool _json;
    private readonly IReadOnlyList<Column<TRow>> _columns;
    private readonly StringBuilder _line = new();
    private readonly MemoryStream _buffer = new();
    private int _rows;

    /// <param name="writer">Where the rows go.</param>
    /// <param name="format"><see cref="OutputFormat.Json"/> or <see cref="OutputFormat.Csv"/>.</param>
    /// <param name="columns">The data columns (<see cref="ColumnUse.Data"/>).</param>
    public RowStream(TextWriter writer, OutputFormat format, IReadOnlyList<Column<TRow>> columns)
    {
        _writer = writer;
        _json = format switch
        {
            OutputFormat.Json => true,
            OutputFormat.Csv => false,
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
        _columns = columns;
    }

    /// <summary>Writes the CSV header or the JSON array's opening bracket.</summary>
    public void Begin()
    {
        if (_json)
        {
            _writer.Write('[');
        }
        else
        {
            _line.Clear();
            for (var i = 0; i < _columns.Count; i++)
            {
                AppendCsvField(_line, i, _columns[i].Field);
            }

            _writer.Write(_line.Append("\r\n"));
        }

        _writer.Flush();
    }

    /// <summary>Writes rows and flushes them, so a reader (or an interrupted run) has them at once.</summary>
    public void Write(IEnumerable<TRow> rows)
    {
        foreach (var row in rows)
        {
            if (_json)
            {
                WriteJson(row);
            }
            else
            {
                _line.Clear();
                for (var i = 0; i < _columns.Count; i++)
                {
                    AppendCsvField(_line, i, RowWriter.FormatText(_columns[i].Value(row)));
                }

                _writer.Write(_line.Append("\r\n"));
            }

            _rows++;
        }

        _writer.Flush();
    }

    /// <summary>Closes the JSON array (nothing for CSV).</summary>
    public void End()
    {
        if (_json)
        {
            _writer.WriteLine(_rows == 0 ? "]" : "\n]");
        }

        _writer.Flush();
    }

    private void WriteJson(TRow row)
    {
        _buffer.SetLength(0);
        using (var json = new Utf8JsonWriter(_buffer, JsonOptions))
        {
            json.WriteStartObject();
            foreach (var column in _columns)
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
                        json.WriteStringValue(RowWriter.FormatText(value));
                        break;
                }
            }

            json.WriteEndObject();
        }

        _writer.Write(_rows == 0 ? "\n  " : ",\n  ");
        _writer.Write(Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length).Replace("\n", "\n  ", StringComparison.Ordinal));
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
}
