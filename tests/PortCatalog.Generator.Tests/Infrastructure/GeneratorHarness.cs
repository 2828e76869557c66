using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PortCatalog.Generator.Tests.Infrastructure;

/// <summary>Runs the generator the way the compiler does, on in-memory tables, and compiles its output.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly ImmutableArray<MetadataReference> s_references =
        [.. Basic.Reference.Assemblies.Net80.References.All, MetadataReference.CreateFromFile(typeof(PortInfo).Assembly.Location)];

    public static CSharpCompilation CreateCompilation(string source = "namespace Consumer;\n/// <summary>The consumer.</summary>\npublic static class Program { }\n")
        => CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Program.cs")],
            s_references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<TestTable> tables, string? rootNamespace = "Consumer", CSharpParseOptions? parseOptions = null)
        => CreateDriver(tables, out _, rootNamespace, parseOptions);

    public static GeneratorDriver CreateDriver(IEnumerable<TestTable> tables, out ImmutableArray<AdditionalText> texts, string? rootNamespace = "Consumer", CSharpParseOptions? parseOptions = null)
    {
        var list = tables.ToList();
        texts = list.Select(t => (AdditionalText)new InMemoryAdditionalText(t.Path, t.Text)).ToImmutableArray();
        return CSharpGeneratorDriver.Create(
            [new PortCatalogGenerator().AsSourceGenerator()],
            texts,
            parseOptions ?? ParseOptions,
            new TestOptionsProvider(list.ToDictionary(t => t.Path), rootNamespace),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static GeneratorResult Run(params TestTable[] tables) => Run(tables, "Consumer");

    public static GeneratorResult Run(IEnumerable<TestTable> tables, string? rootNamespace)
    {
        var driver = CreateDriver(tables, rootNamespace).RunGeneratorsAndUpdateCompilation(CreateCompilation(), out var output, out var generatorDiagnostics);
        return new GeneratorResult(driver.GetRunResult(), output, generatorDiagnostics);
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorResult(GeneratorDriverRunResult RunResult, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public GeneratedSourceResult Single => Assert.Single(RunResult.Results.Single().GeneratedSources);

    public string SingleSource => Single.SourceText.ToString();

    public ImmutableArray<Diagnostic> Diagnostics => RunResult.Diagnostics;

    /// <summary>Compiler warnings and errors in the output (XML docs required), excluding the generator's own.</summary>
    public IReadOnlyList<Diagnostic> CompilerProblems()
        => Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    public Assembly LoadAssembly() => LoadAssembly(out _);

    /// <summary>Emits the output (one compiler pass) and loads it; <paramref name="problems"/> gets its warnings and errors.</summary>
    public Assembly LoadAssembly(out IReadOnlyList<Diagnostic> problems)
    {
        using var stream = new MemoryStream();
        var emit = Output.Emit(stream);
        problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        return Assembly.Load(stream.ToArray());
    }
}
