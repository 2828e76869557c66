using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PortCatalog.Analyzers.Tests.Infrastructure;

namespace PortCatalog.Analyzers.Tests;

/// <summary>The analyzers never throw (no AD0001) on real code, random port-dense code, or broken code.</summary>
public sealed class RobustnessTests
{
    // Every rule on, and both settings set, so every code path runs.
    private static readonly ImmutableDictionary<string, string> AllSettings = ImmutableDictionary<string, string>.Empty
        .Add("port_catalog.ignored_ports", "7777, 9000-9100")
        .Add("port_catalog.port_parameter_names", "endpointNumber");

    [Fact]
    public async Task EveryCSharpFileOfTheRepository()
    {
        var files = Directory.EnumerateFiles(TestPaths.RepoRoot, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git"))
            .ToArray();
        Assert.True(files.Length > 20, $"Expected the repository's sources under {TestPaths.RepoRoot}, found {files.Length}.");

        var diagnostics = await AssertNoAnalyzerFailureAsync(files.Select(File.ReadAllText));
        Assert.NotNull(diagnostics);
    }

    [Fact]
    public async Task TwoHundredFiftyRandomPortDenseFiles()
    {
        const int Count = 250;
        var files = Enumerable.Range(0, Count).Select(i => new RandomPortCode(seed: 1000 + i).File(i)).ToArray();
        for (var i = 0; i < files.Length; i++)
        {
            var syntaxErrors = CSharpSyntaxTree.ParseText(files[i], TestCompilation.ParseOptions).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(syntaxErrors.Length == 0, $"Random file {i} is not valid C#: {string.Join("; ", syntaxErrors.Take(3))}{Environment.NewLine}{files[i]}");
        }

        var diagnostics = new List<Diagnostic>();
        foreach (var batch in files.Chunk(50))
        {
            diagnostics.AddRange(await AssertNoAnalyzerFailureAsync(batch));
        }

        // The files are port-dense: every rule must have fired somewhere, or the generator stopped exercising them.
        Assert.All(new[] { "PORT001", "PORT002", "PORT003", "PORT004" }, id => Assert.Contains(diagnostics, d => d.Id == id));
    }

    [Fact]
    public async Task TruncatedAndBrokenFiles()
    {
        var random = new Random(42);
        var files = Enumerable.Range(0, 60).Select(i =>
        {
            var text = new RandomPortCode(seed: 5000 + i).File(i);
            return text.Substring(0, random.Next(text.Length));
        }).Concat([
            "class C { int Port = ",
            "class C { void M() { new System.Net.IPEndPoint(System.Net.IPAddress.Any, 22",
            "class C { [Endpoint(Port = 22 ] int port = 443 + ; switch (port) { case 22 } }",
            "class C { int port = \"http://h:8080",
            "var port = 22; System.Console.WriteLine(port is 22 or);",
        ]);
        await AssertNoAnalyzerFailureAsync(files);
    }

    // The fuzzing runs the analyzers the way the compiler does (CompilationWithAnalyzers) on code that need not compile,
    // and collects every exception they throw; the official harness checks exact diagnostics of compiling code instead.
    private static async Task<IReadOnlyList<Diagnostic>> AssertNoAnalyzerFailureAsync(IEnumerable<string> sources)
    {
        var compilation = TestCompilation.Create(sources);
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions([new("PORT004", ReportDiagnostic.Info)]));
        var exceptions = new ConcurrentQueue<Exception>();
        var options = new AnalyzerOptions([], new SettingsProvider(AllSettings));
        var withAnalyzers = compilation.WithAnalyzers([.. PortVerifier.Analyzers], new CompilationWithAnalyzersOptions(
            options, onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception), concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Assert.True(exceptions.IsEmpty, string.Join(Environment.NewLine, exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    private sealed class SettingsProvider(ImmutableDictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Settings(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Settings(values);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;
    }

    private sealed class Settings(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
