using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using CsvHelper;

namespace PortCatalog.Tests.Catalog;

/// <summary>
/// The default catalog holds every port of the tables in data/: each test reads a table itself (it does not
/// repeat the numbers) and asks the generated <see cref="WellKnownPorts"/> about every row.
/// </summary>
public sealed class DataTablesCoverageTests
{
    private static string DataDir => Path.Combine(TestPaths.RepoRoot, "data");

    public static TheoryData<string> MarkdownTables()
    {
        var tables = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(DataDir, "*.md").Order(StringComparer.Ordinal))
        {
            tables.Add(Path.GetFileName(path));
        }

        return tables;
    }

    [Fact]
    public void EveryRowOfServicesCsvIsInTheCatalog()
    {
        var rows = ReadServicesCsv();
        Assert.True(rows.Count >= 150, $"services.csv holds {rows.Count} rows; the catalog promises at least 150 entries.");

        var missing = new List<string>();
        foreach (var row in rows)
        {
            var (first, last) = ParsePortCell(row.Port);
            var transport = Enum.Parse<Transport>(row.Transport, ignoreCase: true);
            foreach (var port in new[] { first, last }.Distinct())
            {
                if (!WellKnownPorts.TryGetInfo(port, transport, out var info))
                {
                    missing.Add($"line {row.Line}: TryGetInfo({port}, {transport}) found nothing");
                }
                else if (info.Port != first)
                {
                    missing.Add($"line {row.Line}: TryGetInfo({port}, {transport}) found port {info.Port}, not {first}");
                }
            }

            if (!WellKnownPorts.TryGetPort(row.ServiceName, out var byName) || byName != first)
            {
                missing.Add($"line {row.Line}: TryGetPort(\"{row.ServiceName}\") did not give {first}");
            }

            if (row.Identifier.Length > 0)
            {
                var constant = typeof(WellKnownPorts).GetField(row.Identifier, BindingFlags.Public | BindingFlags.Static);
                if (constant is not { IsLiteral: true } || (int)constant.GetRawConstantValue()! != first)
                {
                    missing.Add($"line {row.Line}: no constant WellKnownPorts.{row.Identifier} = {first}");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Theory]
    [MemberData(nameof(MarkdownTables))]
    public void EveryPortOfAMarkdownTableIsInTheCatalog(string table)
    {
        var ports = ReadMarkdownPortColumn(Path.Combine(DataDir, table));
        Assert.NotEmpty(ports);

        var missing = ports.Where(p => !WellKnownPorts.TryGetInfo(p.Port, out _)).Select(p => $"{table} line {p.Line}: port {p.Port}").ToList();

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void AllIsSortedByPortAndCoversTheDistinctEntries()
    {
        var all = WellKnownPorts.All.ToArray();
        var distinctServices = ReadServicesCsv().Select(r => r.ServiceName).Distinct(StringComparer.OrdinalIgnoreCase).Count();

        Assert.Equal(all.OrderBy(i => i.Port).Select(i => i.Port), all.Select(i => i.Port));
        Assert.True(all.Length >= distinctServices, $"All holds {all.Length} entries; services.csv alone names {distinctServices} services.");
    }

    private static (int First, int Last) ParsePortCell(string cell)
    {
        var parts = cell.Split('-');
        var first = int.Parse(parts[0], CultureInfo.InvariantCulture);
        return (first, parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : first);
    }

    private sealed record CsvRow(int Line, string ServiceName, string Port, string Transport, string Identifier);

    private static List<CsvRow> ReadServicesCsv()
    {
        using var reader = new StreamReader(Path.Combine(DataDir, "services.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<CsvRow>();
        while (csv.Read())
        {
            rows.Add(new CsvRow(
                csv.Parser.RawRow,
                csv.GetField("Service Name")!,
                csv.GetField("Port Number")!,
                csv.GetField("Transport Protocol")!,
                csv.GetField("Identifier") ?? ""));
        }

        return rows;
    }

    // Our Markdown tables keep the port column first; the rows are the lines that start with a pipe, after the
    // header and its alignment row.
    private static List<(int Line, int Port)> ReadMarkdownPortColumn(string path)
    {
        var ports = new List<(int, int)>();
        var lines = File.ReadAllLines(path);
        var tableLine = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].TrimStart().StartsWith('|'))
            {
                tableLine = 0;
                continue;
            }

            if (++tableLine <= 2)
            {
                continue;
            }

            var firstCell = lines[i].Trim().TrimStart('|').Split('|')[0];
            foreach (Match number in Regex.Matches(firstCell, @"\d+"))
            {
                ports.Add((i + 1, int.Parse(number.Value, CultureInfo.InvariantCulture)));
            }
        }

        return ports;
    }
}
