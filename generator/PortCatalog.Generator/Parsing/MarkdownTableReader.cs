using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using PortCatalog.Generator.Diagnostics;
using PortCatalog.Generator.Model;
using PortCatalog.Generator.Naming;

namespace PortCatalog.Generator.Parsing;

/// <summary>
/// Finds GitHub-flavoured Markdown tables anywhere in a document (prose, links and code fences around them are
/// ignored) and reads those that list ports. Columns are recognised by content, not by header, so any header
/// language works: the port column is the one whose cells are ports or port lists, a transport column holds
/// only transport names, and of the text columns the shortest (on average) is the service name and the longest
/// the description. A table with a single text column has only descriptions: the service name is derived from
/// each (see <see cref="NameDeriver"/>). A column headed <c>Identifier</c> gives explicit identifiers.
/// </summary>
internal static class MarkdownTableReader
{
    // A column is a port (or transport) column when at least this share of its non-empty cells parse as such.
    private const double ColumnShare = 0.5;

    public static void Read(string text, TableBuilder table, CancellationToken cancellationToken)
    {
        var lines = SplitLines(text);
        var foundPortTable = false;
        var fence = default(Fence);
        for (var i = 0; i < lines.Count; i++)
        {
            // Code is never read as a table: fenced blocks (closed only by a fence of the same character at least as
            // long as the opening one) and indented code blocks (four columns or more).
            if (fence.Length > 0)
            {
                if (Fence.Closes(lines[i], fence))
                {
                    fence = default;
                }

                continue;
            }

            if (Fence.TryOpen(lines[i], out fence))
            {
                continue;
            }

            if (IndentColumns(lines[i]) >= 4 || i + 1 >= lines.Count || lines[i].IndexOf('|') < 0 || IndentColumns(lines[i + 1]) >= 4 || !IsDelimiterRow(lines[i + 1]))
            {
                continue;
            }

            var header = SplitRow(lines[i]);
            if (header.Count != SplitRow(lines[i + 1]).Count)
            {
                continue;
            }

            var rows = new List<(List<string> Cells, int Line)>();
            var j = i + 2;
            for (; j < lines.Count && lines[j].IndexOf('|') >= 0 && lines[j].Trim().Length > 0 && !Fence.TryOpen(lines[j], out _); j++)
            {
                var cells = SplitRow(lines[j]);
                for (var c = 0; c < cells.Count; c++)
                {
                    cells[c] = MarkdownText.ToPlainText(cells[c]);
                }

                rows.Add((cells, j + 1));
            }

            cancellationToken.ThrowIfCancellationRequested();
            foundPortTable |= ReadTable(header, rows, table);
            i = j - 1;
        }

        if (!foundPortTable)
        {
            table.Report(DiagnosticIds.EmptyTable, 0, System.IO.Path.GetFileName(table.Path), "no Markdown table has a column of port numbers");
        }
        else if (table.EntryCount == 0)
        {
            table.Report(DiagnosticIds.EmptyTable, 0, System.IO.Path.GetFileName(table.Path), "no row of its port tables could be read");
        }
    }

    private static bool ReadTable(List<string> header, List<(List<string> Cells, int Line)> rows, TableBuilder table)
    {
        var columns = Columns.Detect(header, rows);
        if (columns is null)
        {
            return false;
        }

        var items = new List<PortText.PortItem>();
        var badPorts = new List<PortText.BadPort>();
        foreach (var (cells, line) in rows)
        {
            var portCell = Cell(cells, columns.Port);
            if (portCell.Length == 0)
            {
                continue; // Section or spacer rows.
            }

            if (!PortText.TryParsePortList(portCell, items, badPorts))
            {
                table.Report(DiagnosticIds.UnparseableRow, line, $"'{DiagnosticInfo.Cell(portCell)}' is not a port, a range or a list of ports");
                continue;
            }

            foreach (var bad in badPorts)
            {
                if (bad.Problem == PortText.PortParse.ReversedRange)
                {
                    table.Report(DiagnosticIds.UnparseableRow, line, $"range '{DiagnosticInfo.Cell(bad.Text)}' ends before it starts");
                }
                else
                {
                    table.Report(DiagnosticIds.PortOutOfRange, line, bad.Text);
                }
            }

            var rowTransports = TransportSet.None;
            if (columns.Transport >= 0 && !PortText.TryParseTransports(Cell(cells, columns.Transport), out rowTransports, out var unknown))
            {
                table.Report(DiagnosticIds.UnknownTransport, line, unknown);
                continue;
            }

            var description = Cell(cells, columns.Description);
            var serviceCell = Cell(cells, columns.Service);
            var service = serviceCell;
            var otherNames = EquatableArray<string>.Empty;
            var source = NameSource.MarkdownServiceColumn;
            if (serviceCell.Length == 0)
            {
                service = NameDeriver.Derive(description);
                source = NameSource.DerivedFromDescription;
            }
            else
            {
                var named = NameDeriver.FromServiceCell(serviceCell, description);
                service = named.Name;
                otherNames = new EquatableArray<string>(named.OtherNames);
            }

            var identifier = Cell(cells, columns.Identifier);
            if (identifier.Length > 0)
            {
                source = NameSource.ExplicitIdentifier;
            }

            if (service.Length == 0 && identifier.Length == 0)
            {
                table.Report(DiagnosticIds.UnparseableRow, line, "the row names no service and has no description to derive a name from");
                continue;
            }

            foreach (var item in items)
            {
                table.Add(item.First, item.Last, service.Length > 0 ? service : identifier, identifier.Length > 0 ? identifier : null, source, item.Transports | rowTransports, description, line, otherNames);
            }
        }

        return true;
    }

    private static string Cell(List<string> cells, int index) => index >= 0 && index < cells.Count ? cells[index] : string.Empty;

    /// <summary>The indentation of a line in columns (a tab advances to the next multiple of four).</summary>
    private static int IndentColumns(string line)
    {
        var columns = 0;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                columns++;
            }
            else if (c == '\t')
            {
                columns += 4 - (columns % 4);
            }
            else
            {
                break;
            }
        }

        return columns;
    }

    /// <summary>A code fence as CommonMark defines it: three or more backticks or tildes, indented at most three columns.</summary>
    private readonly struct Fence
    {
        private Fence(char marker, int length)
        {
            Marker = marker;
            Length = length;
        }

        public char Marker { get; }

        public int Length { get; }

        public static bool TryOpen(string line, out Fence fence)
        {
            fence = default;
            if (IndentColumns(line) >= 4)
            {
                return false;
            }

            var text = line.TrimStart(' ', '\t');
            var length = Run(text, out var marker);
            if (length < 3 || (marker == '`' && text.IndexOf('`', length) >= 0))
            {
                return false; // A backtick fence's info string holds no backtick.
            }

            fence = new Fence(marker, length);
            return true;
        }

        public static bool Closes(string line, Fence open)
        {
            if (IndentColumns(line) >= 4)
            {
                return false;
            }

            var text = line.Trim();
            return Run(text, out var marker) == text.Length && marker == open.Marker && text.Length >= open.Length;
        }

        private static int Run(string text, out char marker)
        {
            marker = text.Length > 0 ? text[0] : '\0';
            if (marker is not ('`' or '~'))
            {
                return 0;
            }

            var length = 0;
            while (length < text.Length && text[length] == marker)
            {
                length++;
            }

            return length;
        }
    }

    private static bool IsDelimiterRow(string line)
    {
        if (line.IndexOf('|') < 0 && line.IndexOf('-') < 0)
        {
            return false;
        }

        var cells = SplitRow(line);
        if (cells.Count == 0 || (cells.Count == 1 && line.IndexOf('|') < 0))
        {
            return false;
        }

        foreach (var cell in cells)
        {
            var c = cell.Trim();
            var start = c.StartsWith(":", StringComparison.Ordinal) ? 1 : 0;
            var end = c.EndsWith(":", StringComparison.Ordinal) && c.Length > start ? c.Length - 1 : c.Length;
            if (end - start < 1)
            {
                return false;
            }

            for (var k = start; k < end; k++)
            {
                if (c[k] != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Splits a row at unescaped pipes; the leading and trailing pipe are optional.</summary>
    private static List<string> SplitRow(string line)
    {
        var text = line.Trim();
        if (text.StartsWith("|", StringComparison.Ordinal))
        {
            text = text.Substring(1);
        }

        if (text.EndsWith("|", StringComparison.Ordinal) && !text.EndsWith("\\|", StringComparison.Ordinal))
        {
            text = text.Substring(0, text.Length - 1);
        }

        var cells = new List<string>();
        var cell = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (text[i] == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(text[i]);
            }
        }

        cells.Add(cell.ToString().Trim());
        return cells;
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || text[i] == '\r')
            {
                lines.Add(text.Substring(start, i - start));
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add(text.Substring(start));
        return lines;
    }

    /// <summary>The roles of a table's columns, found from the body cells; -1 when a role has no column.</summary>
    private sealed class Columns
    {
        public int Port { get; private set; } = -1;
        public int Transport { get; private set; } = -1;
        public int Service { get; private set; } = -1;
        public int Description { get; private set; } = -1;
        public int Identifier { get; private set; } = -1;

        public static Columns? Detect(List<string> header, List<(List<string> Cells, int Line)> rows)
        {
            var columns = new Columns();
            var count = header.Count;
            var items = new List<PortText.PortItem>();
            var badPorts = new List<PortText.BadPort>();
            var bestPortShare = 0.0;
            var isTransport = new bool[count];
            var averageLength = new double[count];
            for (var c = 0; c < count; c++)
            {
                if (MarkdownText.ToPlainText(header[c]).Equals("identifier", StringComparison.OrdinalIgnoreCase))
                {
                    columns.Identifier = c;
                    continue;
                }

                int nonEmpty = 0, ports = 0, transports = 0;
                long length = 0;
                foreach (var (cells, _) in rows)
                {
                    var cell = Cell(cells, c);
                    if (cell.Length == 0)
                    {
                        continue;
                    }

                    nonEmpty++;
                    length += cell.Length;
                    if (PortText.TryParsePortList(cell, items, badPorts))
                    {
                        ports++;
                    }
                    else if (PortText.TryParseTransports(cell, out var set, out _) && set != TransportSet.None)
                    {
                        transports++;
                    }
                }

                if (nonEmpty == 0)
                {
                    averageLength[c] = -1;
                    continue;
                }

                averageLength[c] = (double)length / nonEmpty;
                var portShare = (double)ports / nonEmpty;
                if (portShare >= ColumnShare && portShare > bestPortShare)
                {
                    bestPortShare = portShare;
                    columns.Port = c;
                }

                isTransport[c] = (double)transports / nonEmpty >= ColumnShare;
            }

            if (columns.Port < 0)
            {
                return null;
            }

            var shortest = double.MaxValue;
            var longest = double.MinValue;
            for (var c = 0; c < count; c++)
            {
                if (c == columns.Port || c == columns.Identifier || averageLength[c] < 0)
                {
                    continue;
                }

                if (isTransport[c])
                {
                    columns.Transport = columns.Transport < 0 ? c : columns.Transport;
                    continue;
                }

                if (averageLength[c] > longest)
                {
                    longest = averageLength[c];
                    columns.Description = c;
                }

                if (averageLength[c] < shortest)
                {
                    shortest = averageLength[c];
                    columns.Service = c;
                }
            }

            if (columns.Service == columns.Description)
            {
                // Equal average lengths: the leftmost other text column names the service; with a single text
                // column there is none, and names are derived from the descriptions.
                columns.Service = -1;
                for (var c = 0; c < count && columns.Service < 0; c++)
                {
                    if (c != columns.Port && c != columns.Identifier && c != columns.Description && c != columns.Transport && averageLength[c] >= 0 && !isTransport[c])
                    {
                        columns.Service = c;
                    }
                }
            }

            return columns;
        }
    }
}
