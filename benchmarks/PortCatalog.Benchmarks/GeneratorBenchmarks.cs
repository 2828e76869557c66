using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PortCatalog.Generator;

namespace PortCatalog.Benchmarks;

/// <summary>
/// The generator on the IANA snapshot (14,447 rows): a cold run (a new driver parses, merges and emits) and a
/// re-run after an unrelated C# edit (everything cached). Goals: cold &lt; 300 ms, re-run &lt; 5 ms.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly string s_ianaPath = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, FindRepoRoot(), "..", "shared", "data", "iana", "service-names-port-numbers.csv"));

    private ImmutableArray<AdditionalText> _texts;
    private AnalyzerConfigOptionsProvider _options = null!;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warmDriver = null!;
    private bool _toggle;

    [GlobalSetup]
    public void Setup()
    {
        if (!File.Exists(s_ianaPath))
        {
            throw new InvalidOperationException($"The IANA snapshot {s_ianaPath} is absent; the generator benchmarks need it.");
        }

        _texts = [new FileText(s_ianaPath, File.ReadAllText(s_ianaPath))];
        _options = new TableOptionsProvider(s_ianaPath);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        _compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("namespace Consumer; public static class Program { }", parseOptions)],
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer; internal static class Edited { }", parseOptions));
        _warmDriver = CreateDriver().RunGenerators(_compilation);
    }

    /// <summary>A new driver: parse the CSV, merge, emit the catalog source.</summary>
    [Benchmark]
    public GeneratorDriver ColdRun() => CreateDriver().RunGenerators(_compilation);

    /// <summary>The same driver after an unrelated C# edit (alternating two compilations, so each run sees a change).</summary>
    [Benchmark]
    public GeneratorDriver RerunAfterUnrelatedEdit()
    {
        _toggle = !_toggle;
        return _warmDriver = _warmDriver.RunGenerators(_toggle ? _edited : _compilation);
    }

    private GeneratorDriver CreateDriver()
        => CSharpGeneratorDriver.Create([new PortCatalogGenerator().AsSourceGenerator()], _texts, new CSharpParseOptions(LanguageVersion.Latest), _options);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PortCatalog.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }

    private sealed class FileText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class TableOptionsProvider(string tablePath) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options s_none = new([]);
        private readonly Options _table = new(new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.PortCatalogTable"] = "true",
            ["build_metadata.AdditionalFiles.ClassName"] = "IanaPorts",
            ["build_metadata.AdditionalFiles.Namespace"] = "Consumer",
        });

        public override AnalyzerConfigOptions GlobalOptions => s_none;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_none;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path == tablePath ? _table : s_none;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
