using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PortCatalog.Analyzers;
using PortCatalog.Analyzers.Benchmarks;

// Analyzer cost: the same >= 100k-line project compiled (diagnostics + emit) with and without the PortCatalog analyzers,
// in alternating rounds on fresh compilations; median and minimum wall times, and the analyzers' own execution time
// as the compiler's analyzer driver measures it (ReportAnalyzer's figure).
// Usage: dotnet run -c Release --project benchmarks/analyzers/PortCatalog.Analyzers.Benchmarks -- [lines] [rounds]
var minimumLines = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;

var (files, lines) = SyntheticProject.Files(minimumLines);
var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
var sources = files.Append(SyntheticProject.Catalog()).Select((text, i) => (Text: text, Path: $"/synthetic/File{i}.cs")).ToArray();
var references = Basic.Reference.Assemblies.Net80.References.All
    .Append(MetadataReference.CreateFromFile(typeof(PortCatalog.PortCatalogAttribute).Assembly.Location))
    .ToImmutableArray();
ImmutableArray<DiagnosticAnalyzer> analyzers = [new MagicPortAnalyzer(), new UrlPortAnalyzer()];

CSharpCompilation NewCompilation() => CSharpCompilation.Create(
    "Synthetic",
    sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, s.Path)),
    references,
    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: true));

var without = new List<double>();
var with = new List<double>();
var analyzerOnly = new List<double>();
var reported = 0;
Console.WriteLine($"Synthetic project: {files.Count} files, {lines:N0} lines; {Environment.ProcessorCount} cores; {rounds} rounds after a warm-up.");
for (var round = 0; round <= rounds; round++)
{
    // Without: what csc does for a build with no analyzers.
    var compilation = NewCompilation();
    var watch = Stopwatch.StartNew();
    var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
    using (var peStream = new MemoryStream())
    {
        Check(compilation.Emit(peStream).Success && errors == 0, "the synthetic project must compile");
    }

    var withoutMs = watch.Elapsed.TotalMilliseconds;

    // With: compiler diagnostics and analyzer diagnostics in one pass over shared semantic models, then emit.
    compilation = NewCompilation();
    watch.Restart();
    var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
        new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
    var all = await withAnalyzers.GetAllDiagnosticsAsync();
    using (var peStream = new MemoryStream())
    {
        Check(compilation.Emit(peStream).Success, "the synthetic project must compile");
    }

    var withMs = watch.Elapsed.TotalMilliseconds;
    var analyzerTime = TimeSpan.Zero;
    foreach (var analyzer in analyzers)
    {
        analyzerTime += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
    }

    reported = all.Count(d => d.Id.StartsWith("PORT", StringComparison.Ordinal));
    Check(!all.Any(d => d.Id == "AD0001"), "no analyzer may fail");
    if (round == 0)
    {
        Console.WriteLine($"warm-up: without {withoutMs:F0} ms, with {withMs:F0} ms, analyzer execution {analyzerTime.TotalMilliseconds:F0} ms");
        continue;
    }

    without.Add(withoutMs);
    with.Add(withMs);
    analyzerOnly.Add(analyzerTime.TotalMilliseconds);
    Console.WriteLine($"round {round}: without {withoutMs:F0} ms, with {withMs:F0} ms, analyzer execution {analyzerTime.TotalMilliseconds:F0} ms");
}

var medianWithout = Median(without);
Console.WriteLine();
Console.WriteLine($"PORT diagnostics reported per compilation: {reported:N0}");
Console.WriteLine($"compile without analyzers: median {medianWithout:F0} ms, min {without.Min():F0} ms");
Console.WriteLine($"compile with analyzers:    median {Median(with):F0} ms, min {with.Min():F0} ms  (wall-time overhead {(Median(with) / medianWithout - 1) * 100:F1}% median, {(with.Min() / without.Min() - 1) * 100:F1}% min)");
Console.WriteLine($"analyzer execution time:   median {Median(analyzerOnly):F0} ms = {Median(analyzerOnly) / medianWithout * 100:F2}% of the compile without analyzers (summed over threads)");

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

static void Check(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException("Benchmark precondition failed: " + what);
    }
}
