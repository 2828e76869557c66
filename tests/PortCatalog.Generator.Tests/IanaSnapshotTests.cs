using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.CodeAnalysis;
using PortCatalog.Generator.Tests.Infrastructure;

namespace PortCatalog.Generator.Tests;

/// <summary>The IANA registry snapshot in ../shared: generates without errors, compiles, and every named row is found.</summary>
public sealed class IanaSnapshotTests
{
    [IanaFact]
    public void EveryNamedRowIsFoundByTryGetInfoAndTryGetPort()
    {
        var text = File.ReadAllText(TestPaths.IanaCsv);
        var result = GeneratorHarness.Run([new TestTable(TestPaths.IanaCsv, text, "IanaPorts", "Iana")], "Consumer");

        Assert.Empty(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning));
        var catalog = new CatalogProxy(result.LoadAssembly(out var problems), "Iana.IanaPorts");
        Assert.Empty(problems);
        var all = catalog.All();

        var rows = 0;
        foreach (var (name, first, last, transport) in ReadNamedRows(text))
        {
            rows++;
            foreach (var port in new[] { first, (first + last) / 2, last }.Distinct())
            {
                Assert.True(catalog.TryGetInfo(port, transport, out var info), $"TryGetInfo({port}, {transport}) for {name}");
                Assert.True((info.Transports & transport) == transport);
            }

            Assert.Contains(all, e => e.Port == first && (e.Transports & transport) == transport && (SameName(e.ServiceName, name) || SameName(e.Identifier, name)));
            var found = catalog.TryGetPort(name);
            Assert.True(found is not null, $"TryGetPort({name})");
            Assert.Contains(all, e => e.Port == found && SameName(e.ServiceName, name));
        }

        Assert.True(rows > 10_000, $"only {rows} named rows read");
    }

    private static bool SameName(string a, string b)
        => string.Equals(Key(a), Key(b), StringComparison.Ordinal);

    private static string Key(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    private static IEnumerable<(string Name, int First, int Last, Transport Transport)> ReadNamedRows(string text)
    {
        using var reader = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture));
        reader.Read();
        reader.ReadHeader();
        while (reader.Read())
        {
            var name = reader.GetField("Service Name")!.Trim();
            var port = reader.GetField("Port Number")!.Trim();
            var transport = reader.GetField("Transport Protocol")!.Trim();
            if (name.Length == 0 || port.Length == 0 || transport.Length == 0)
            {
                continue;
            }

            var dash = port.IndexOf('-');
            var first = int.Parse(dash < 0 ? port : port[..dash], CultureInfo.InvariantCulture);
            var last = dash < 0 ? first : int.Parse(port[(dash + 1)..], CultureInfo.InvariantCulture);
            yield return (name, first, last, Enum.Parse<Transport>(transport, ignoreCase: true));
        }
    }
}
