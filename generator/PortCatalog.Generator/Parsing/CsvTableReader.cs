using System;
using System.Globalization;
using System.IO;
using System.Threading;
using CsvHelper;
using CsvHelper.Configuration;
using PortCatalog.Generator.Diagnostics;
using PortCatalog.Generator.Model;

namespace PortCatalog.Generator.Parsing;

/// <summary>
/// Reads CSV tables in the IANA registry layout (<c>Service Name, Port Number, Transport Protocol,
/// Description, ...</c>) with CsvHelper's parser; columns are found by header name, an <c>Identifier</c>
/// column is optional. Rows without a service name or port (IANA's reserved and name-only rows) are skipped
/// silently; rows with a bad port or transport get a diagnostic and are skipped.
/// </summary>
internal static class CsvTableReader
{
    public static void Read(string text, TableBuilder table, CancellationToken cancellationToken)
    {
        var badData = false;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = _ => badData = true,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            // Blank lines come back as records so every raw line is counted: that is how rows get line numbers.
            IgnoreBlankLines = false,
        };

        using var parser = new CsvParser(new StringReader(text), config);
        var nextLine = 1;
        Columns? columns = null;
        while (parser.Read())
        {
            var line = nextLine;
            nextLine += CountLineBreaks(parser.RawRecord);

            // CsvHelper processes (and finds bad data in) fields lazily: materialize them before asking.
            _ = parser.Record;
            if (IsBlank(parser))
            {
                badData = false;
                continue;
            }

            if (columns is null)
            {
                columns = Columns.FromHeader(parser);
                if (columns.Port < 0)
                {
                    table.Report(DiagnosticIds.MissingPortColumn, line);
                    return;
                }

                badData = false;
                continue;
            }

            if ((line & 0xFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (badData)
            {
                badData = false;
                table.Report(DiagnosticIds.UnparseableRow, line, "a quote appears inside an unquoted cell (quote the whole cell and double inner quotes)");
                continue;
            }

            ReadRow(parser, columns, line, table);
        }

        if (columns is null)
        {
            table.Report(DiagnosticIds.EmptyTable, 0, System.IO.Path.GetFileName(table.Path), "the file has no header row");
        }
        else if (table.EntryCount == 0)
        {
            table.Report(DiagnosticIds.EmptyTable, 0, System.IO.Path.GetFileName(table.Path), "no row has both a service name and a valid port");
        }
    }

    private static void ReadRow(CsvParser parser, Columns columns, int line, TableBuilder table)
    {
        var portText = Field(parser, columns.Port).Trim();
        var identifier = Field(parser, columns.Identifier).Trim();
        var name = Field(parser, columns.Service).Trim();
        if (portText.Length == 0 || (name.Length == 0 && identifier.Length == 0))
        {
            return; // IANA: unassigned/reserved ports and service names registered without a port.
        }

        switch (PortText.ParsePortOrRange(portText, out var first, out var last, out var offending))
        {
            case PortText.PortParse.OutOfRange:
                table.Report(DiagnosticIds.PortOutOfRange, line, offending);
                return;
            case PortText.PortParse.NotAPort:
                table.Report(DiagnosticIds.UnparseableRow, line, $"port '{DiagnosticInfo.Cell(portText)}' is not a number or a range such as 6000-6063");
                return;
            case PortText.PortParse.ReversedRange:
                table.Report(DiagnosticIds.UnparseableRow, line, $"range '{DiagnosticInfo.Cell(portText)}' ends before it starts");
                return;
        }

        var transportText = Field(parser, columns.Transport);
        if (!PortText.TryParseTransports(transportText, out var transports, out var unknown))
        {
            table.Report(DiagnosticIds.UnknownTransport, line, unknown);
            return;
        }

        var claim = Field(parser, columns.Claim).Trim();
        if (claim.Length > 0 && !claim.Equals("strong", StringComparison.OrdinalIgnoreCase) && !claim.Equals("weak", StringComparison.OrdinalIgnoreCase))
        {
            table.Report(DiagnosticIds.UnparseableRow, line, $"claim '{DiagnosticInfo.Cell(claim)}' is not 'strong', 'weak' or empty");
            return;
        }

        var source = identifier.Length > 0 ? NameSource.ExplicitIdentifier : NameSource.CsvServiceName;
        table.Add(first, last, name.Length > 0 ? name : identifier, identifier.Length > 0 ? identifier : null, source, transports, Text.Whitespace.Collapse(Field(parser, columns.Description)), line, EquatableArray<string>.Empty,
            isWeakClaim: claim.Equals("weak", StringComparison.OrdinalIgnoreCase));
    }

    private static string Field(CsvParser parser, int index) => index >= 0 && index < parser.Count ? parser[index] ?? string.Empty : string.Empty;

    private static bool IsBlank(CsvParser parser) => parser.Count == 0 || (parser.Count == 1 && string.IsNullOrWhiteSpace(parser[0]));

    private static int CountLineBreaks(string raw)
    {
        var count = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n')))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The column indexes found in the header row; -1 when absent.</summary>
    private sealed class Columns
    {
        public int Service { get; private set; } = -1;
        public int Port { get; private set; } = -1;
        public int Transport { get; private set; } = -1;
        public int Description { get; private set; } = -1;
        public int Identifier { get; private set; } = -1;
        public int Claim { get; private set; } = -1;

        public static Columns FromHeader(CsvParser parser)
        {
            var columns = new Columns();
            for (var i = 0; i < parser.Count; i++)
            {
                switch (Normalize(parser[i]))
                {
                    case "servicename" or "service" or "name" when columns.Service < 0:
                        columns.Service = i;
                        break;
                    case "portnumber" or "port" or "ports" or "portnumbers" when columns.Port < 0:
                        columns.Port = i;
                        break;
                    case "transportprotocol" or "transport" or "protocol" or "transports" when columns.Transport < 0:
                        columns.Transport = i;
                        break;
                    case "description" when columns.Description < 0:
                        columns.Description = i;
                        break;
                    case "identifier" when columns.Identifier < 0:
                        columns.Identifier = i;
                        break;
                    case "claim" when columns.Claim < 0:
                        columns.Claim = i;
                        break;
                }
            }

            return columns;
        }

        private static string Normalize(string? header)
        {
            var builder = new System.Text.StringBuilder();
            foreach (var c in header ?? string.Empty)
            {
                if (char.IsLetterOrDigit(c))
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
            }

            return builder.ToString();
        }
    }
}
