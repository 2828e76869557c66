using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PortCatalog.Generator.Tests.Infrastructure;

namespace PortCatalog.Generator.Tests;

/// <summary>Class names, namespaces and hint names: no metadata makes the generator throw or lose a catalog, or the output warn.</summary>
public sealed class CatalogOptionTests
{
    private const string Table = "Service Name,Port Number,Transport Protocol,Description\nssh,22,tcp,Secure Shell\n";

    public static TheoryData<string> ContextualKeywords()
    {
        // Contextual keywords of C# versions the test's Roslyn may not list yet, then every one it lists.
        var words = new SortedSet<string>(StringComparer.Ordinal) { "extension", "field", "allows", "required", "scoped", "file", "record" };
        foreach (var kind in SyntaxFacts.GetContextualKeywordKinds())
        {
            words.Add(SyntaxFacts.GetText(kind));
        }

        var data = new TheoryData<string>();
        foreach (var word in words)
        {
            data.Add(word);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ContextualKeywords))]
    public void ContextualKeywordClassNamesFallBackWithPcg007AndCompileWarningFree(string className)
    {
        var result = GeneratorHarness.Run(new TestTable("/t/ports.csv", Table, className, "Consumer.Net"));
        Assert.Equal("PCG007", Assert.Single(result.Diagnostics).Id);
        Assert.Equal("Consumer.Net.Ports.g.cs", result.Single.HintName);
        Assert.Empty(result.CompilerProblems());
    }

    [Theory]
    [InlineData("ports")]    // CS8981: lower-case type names may become keywords
    [InlineData("class")]
    [InlineData("All")]
    [InlineData("Entries")]
    [InlineData("__Lookup")]
    public void ClassNamesTheCompilerRejectsOrWarnsAboutFallBack(string className)
    {
        var result = GeneratorHarness.Run(new TestTable("/t/ports.csv", Table, className, "Consumer.Net"));
        Assert.Equal("PCG007", Assert.Single(result.Diagnostics).Id);
        Assert.Empty(result.CompilerProblems());
    }

    [Theory]
    [InlineData("PortInfo")]
    [InlineData("Transport")]
    [InlineData("PortRange")]
    [InlineData("PortCatalogAttribute")]
    [InlineData("PortCatalogLookup")]
    public void ClassNameThatWouldHideALibraryTypeFallsBack(string className)
    {
        var result = GeneratorHarness.Run(new TestTable("/t/ports.csv", Table, className, "PortCatalog"));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PCG007", diagnostic.Id);
        Assert.Contains("PortCatalog." + className, diagnostic.GetMessage());
        Assert.Equal("PortCatalog.Ports.g.cs", result.Single.HintName);
        Assert.Empty(result.CompilerProblems());
    }

    [Fact]
    public void LibraryTypeNamesAreFineInOtherNamespaces()
    {
        var result = GeneratorHarness.Run(new TestTable("/t/ports.csv", Table, "PortInfo", "Consumer"));
        Assert.Empty(result.Diagnostics);
        Assert.Equal("Consumer.PortInfo.g.cs", result.Single.HintName);
        Assert.Empty(result.CompilerProblems());
    }

    [Fact]
    public void CatalogsWhoseNamesDifferOnlyInCaseAreAllGenerated()
    {
        var result = GeneratorHarness.Run(
            new TestTable("/t/a.csv", Table, "Ports", "Net"),
            new TestTable("/t/b.csv", "Service Name,Port Number,Transport Protocol,Description\nhttp,80,tcp,Web\n", "PORTS", "Net"),
            new TestTable("/t/c.csv", "Service Name,Port Number,Transport Protocol,Description\nsmtp,25,tcp,Mail\n", "Ports", "net"),
            new TestTable("/t/d.csv", "Service Name,Port Number,Transport Protocol,Description\ndns,53,udp,Names\n", "Unrelated", "Other"));

        var run = result.RunResult.Results.Single();
        Assert.Null(run.Exception);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "CS8785" or "PCG011");
        // Ordered by namespace and class name (ordinal); a later name equal ignoring case gets a number.
        Assert.Equal(
            ["Net.PORTS.g.cs", "Net.Ports.2.g.cs", "Other.Unrelated.g.cs", "net.Ports.3.g.cs"],
            run.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
        Assert.Equal(4, run.GeneratedSources.Select(s => s.HintName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Empty(result.CompilerProblems());
        var assembly = result.LoadAssembly();
        Assert.Equal(22, new CatalogProxy(assembly, "Net.Ports").Constant("Ssh"));
        Assert.Equal(80, new CatalogProxy(assembly, "Net.PORTS").Constant("Http"));
        Assert.Equal(25, new CatalogProxy(assembly, "net.Ports").Constant("Smtp"));
        Assert.Equal(53, new CatalogProxy(assembly, "Other.Unrelated").Constant("Dns"));
    }

    [Fact]
    public void ServiceNamesLongerThanMetadataAllowsGiveShorterIdentifiers()
    {
        var longName = string.Concat(Enumerable.Repeat("verylongservicename-", 80)); // 1,600 bytes
        var wide = new string('\u00E9', 600); // 1,200 UTF-8 bytes
        var csv = "Service Name,Port Number,Transport Protocol,Description,Identifier\n"
            + longName + ",7000,tcp,Long,\n"
            + longName + "x,7001-7002,tcp,Long range,\n"
            + wide + ",7003,tcp,Wide,\n"
            + "explicit,7004,tcp,Long identifier," + new string('X', 1100) + "\n";
        var result = GeneratorHarness.Run(new TestTable("/t/long.csv", csv));

        Assert.Equal(["PCG008"], result.Diagnostics.Where(d => d.Severity > DiagnosticSeverity.Info).Select(d => d.Id));
        Assert.Empty(result.CompilerProblems());
        var catalog = new CatalogProxy(result.LoadAssembly(out var problems), "Consumer.Ports");
        Assert.Empty(problems); // CS7013 is reported at emit
        Assert.Equal(7000, catalog.TryGetPort(longName));
        Assert.Equal(7003, catalog.TryGetPort(wide));
        Assert.All(catalog.Type.GetFields().Where(f => f.IsLiteral), f => Assert.True(Encoding.UTF8.GetByteCount(f.Name) <= 1023));
    }
}
