using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PortCatalog.Generator.Tests.Infrastructure;

namespace PortCatalog.Generator.Tests;

/// <summary>The driver runs twice with step tracking: what changed must re-run, nothing else.</summary>
public sealed class IncrementalTests
{
    private static readonly string[] s_trackedSteps =
        [TrackingNames.ParsedTables, TrackingNames.Tables, TrackingNames.Catalogs, TrackingNames.LanguageFeatures];

    private static readonly TestTable[] s_tables =
    [
        new("/repo/data/common-server-ports.md", TestTables.CommonServerPortsMd),
        new("/repo/data/services.csv", TestTables.ServicesCsv),
        new("/repo/other/internal.csv", "Service Name,Port Number,Transport Protocol,Description\nbuild-cache,7070,tcp,Build cache\n", "InternalPorts", "Company.Net"),
        new("/repo/readme.md", "| Port | Name |\n|---|---|\n| 1 | not a port table by metadata |\n", IsTable: false),
    ];

    [Fact]
    public void UnrelatedCSharpEditLeavesEveryStepCachedAndOutputsCached()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(s_tables).RunGenerators(compilation);
        var first = driver.GetRunResult();

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer; internal static class Other { }", GeneratorHarness.ParseOptions));
        var second = driver.RunGenerators(edited).GetRunResult();

        AssertOutputsAreData(first);
        AssertOutputsAreData(second);
        var steps = second.Results.Single().TrackedSteps;
        foreach (var name in s_trackedSteps)
        {
            Assert.True(steps.ContainsKey(name), $"step {name} was not tracked");
            foreach (var output in steps[name].SelectMany(s => s.Outputs))
            {
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {output.Reason}");
            }
        }

        foreach (var output in second.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
        {
            Assert.Equal(IncrementalStepRunReason.Cached, output.Reason);
        }
    }

    [Fact]
    public void EditingOneTableRerunsOnlyThatTablesSteps()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(s_tables, out var texts).RunGenerators(compilation);
        var old = texts.Single(t => t.Path == "/repo/other/internal.csv");
        driver = driver.ReplaceAdditionalText(old, new InMemoryAdditionalText(old.Path, "Service Name,Port Number,Transport Protocol,Description\nbuild-cache,7071,tcp,Build cache moved\n"));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var parsed = result.TrackedSteps[TrackingNames.ParsedTables].SelectMany(s => s.Outputs).ToList();
        Assert.True(parsed.Count >= 3);
        Assert.Single(parsed, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(parsed.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        var modifiedTable = Assert.IsType<Model.ParsedTable>(parsed.Single(o => o.Reason == IncrementalStepRunReason.Modified).Value);
        Assert.Equal("/repo/other/internal.csv", modifiedTable.Path);

        // The catalog fed by the edited table is modified; the default Ports catalog is recomputed but unchanged.
        var catalogs = result.TrackedSteps[TrackingNames.Catalogs].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(2, catalogs.Count);
        Assert.Equal(IncrementalStepRunReason.Modified, catalogs.Single(o => ((Model.CatalogSpec)o.Value).ClassName == "InternalPorts").Reason);
        Assert.Equal(IncrementalStepRunReason.Unchanged, catalogs.Single(o => ((Model.CatalogSpec)o.Value).ClassName == "Ports").Reason);
        Assert.Contains("7071", result.GeneratedSources.Single(s => s.HintName == "Company.Net.InternalPorts.g.cs").SourceText.ToString());
    }

    [Fact]
    public void ModelsAreEquatableByValue()
    {
        // Parsing the same text twice must give equal models, or the driver could never cache.
        var a = Run();
        var b = Run();
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());

        static Model.ParsedTable Run()
        {
            var builder = new Parsing.TableBuilder("/x.csv");
            Parsing.TableParser.Parse(TestTables.ServicesCsv, builder, default);
            return builder.Build(new Model.TableOptions("WellKnownPorts", "X"));
        }
    }

    /// <summary>Walks every tracked step's outputs and forbids the Roslyn objects that would pin a compilation.</summary>
    private static void AssertOutputsAreData(GeneratorDriverRunResult runResult)
    {
        foreach (var step in runResult.Results.Single().TrackedSteps.Where(s => s_trackedSteps.Contains(s.Key)).SelectMany(s => s.Value))
        {
            foreach (var (value, _) in step.Outputs)
            {
                Visit(value, step.Name ?? "?", new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void Visit(object? node, string path, HashSet<object> seen)
    {
        if (node is null || node is string || node.GetType().IsPrimitive || node.GetType().IsEnum || !seen.Add(node))
        {
            return;
        }

        Assert.False(
            node is ISymbol or SyntaxNode or Compilation or Location or AdditionalText or SemanticModel or SyntaxTree,
            $"{path} holds a {node.GetType().Name}");

        if (node is IEnumerable sequence)
        {
            var i = 0;
            foreach (var item in sequence)
            {
                Visit(item, $"{path}[{i++}]", seen);
            }

            if (node.GetType().IsArray)
            {
                return;
            }
        }

        foreach (var field in node.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Visit(field.GetValue(node), $"{path}.{field.Name}", seen);
        }
    }
}
