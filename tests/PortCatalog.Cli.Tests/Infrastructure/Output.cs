using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace PortCatalog.Cli.Tests.Infrastructure;

/// <summary>Reads portcat's machine-readable output with real parsers, so a malformed document fails the test.</summary>
internal static class Output
{
    public static JsonElement[] ParseJson(string stdout)
    {
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    public static (string[] Header, List<Dictionary<string, string>> Rows) ParseCsv(string stdout)
    {
        using var reader = new CsvReader(new StringReader(stdout), new CsvConfiguration(CultureInfo.InvariantCulture));
        Assert.True(reader.Read());
        reader.ReadHeader();
        var header = reader.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => reader.GetField(h)!));
        }

        return (header, rows);
    }

    public static string? String(this JsonElement row, string field) => row.GetProperty(field).ValueKind == JsonValueKind.Null
        ? null
        : row.GetProperty(field).GetString();

    public static int Int(this JsonElement row, string field) => row.GetProperty(field).GetInt32();
}
