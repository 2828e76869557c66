using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PortCatalog.Analyzers;
using PortCatalog.Analyzers.Benchmarks;

// Analyzer cost on a >= 100k-line port-heavy project. Each round, on fresh compilations: the compile (diagnostics +
// emit), then an analyzer pass on the same compilation with
//   no-op     two analyzers registering the same actions that do nothing (the driver's cost for any analyzers);
//   port      the PortCatalog analyzers (PORT004 on too, so the figure is the worst case).
// Reported: median/min wall times relative to the compile, and the analyzers' execution time as the analyzer driver
// measures it (the figure `-p:ReportAnalyzer=true` prints). Then single-threaded passes, whose execution time is the
// analyzers' own work without waiting on other threads. On a shared machine the pass wall times vary by a few hundred
// milliseconds between identical runs, so differences of wall times are only indicative; the execution times are
// the steady figures. measure-build.sh measures the real compiler.
// Usage: dotnet run -c Release --project benchmarks/analyzers/PortCatalog.Analyzers.Benchmarks -- [lines] [rounds] [literal%]
//   literal%: share of port contexts holding a literal (default 2; 100 = every port context is a violation).
//   --write DIR: write the project for a real build instead (measure-build.sh); --cpu-share FILE: read a csc trace.
if (args.Length >= 3 && args[0] == "--corpus")
{
    CorpusRun.Report(Path.GetFullPath(args[1]), Path.GetFullPath(args[2]));
    return;
}

if (args.Length >= 2 && args[0] == "--corpus-cost")
{
    CorpusRun.Cost(
        Path.GetFullPath(args[1]),
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5,
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1);
    return;
}

var cpuShareIndex = Array.IndexOf(args, "--cpu-share");
if (cpuShareIndex >= 0)
{
    // For measure-build.sh --trace: the share of a csc trace's CPU samples spent in the PortCatalog analyzers.
    var (total, analyzers) = CpuSamples.Share(args[cpuShareIndex + 1], "PortCatalog.Analyzers!");
    Console.WriteLine($"CPU samples of the traced csc: {total:F0} ms; in PortCatalog.Analyzers (any frame of the stack): {analyzers:F0} ms = {analyzers / total * 100:F2}%");
    if (args.Length > cpuShareIndex + 2 && double.TryParse(args[cpuShareIndex + 2], CultureInfo.InvariantCulture, out var cscCpuSeconds))
    {
        // The sampler counts a managed thread that waits (for a GC, a lock) or is preempted as running, so on a loaded
        // machine the samples add up to far more than csc's CPU time and the share above is too low; the time in our
        // frames against the CPU csc really used (measured by the OS) errs the other way (our preempted time counts).
        Console.WriteLine($"sampled time in PortCatalog.Analyzers against csc's measured CPU time with the analyzers ({cscCpuSeconds:F2} s, median): " +
                          $"{analyzers / (cscCpuSeconds * 1000) * 100:F2}% (an upper bound)");
    }


    return;
}

var minimumLines = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var literalPercent = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
var verbose = args.Contains("--verbose");

var (files, lines) = SyntheticProject.Files(minimumLines, literalPercent);
var writeIndex = Array.IndexOf(args, "--write");
if (writeIndex >= 0)
{
    // For a real `dotnet build -p:ReportAnalyzer=true` (see measure-build.sh): the project on disk, the catalog as a
    // generated file, PortCatalog.dll referenced, the analyzer added unless WithPortAnalyzers=false.
    var directory = Directory.CreateDirectory(args[writeIndex + 1]).FullName;
    for (var i = 0; i < files.Count; i++)
    {
        File.WriteAllText(Path.Combine(directory, $"File{i}.cs"), files[i]);
    }

    File.WriteAllText(Path.Combine(directory, "ServicePorts.g.cs"), SyntheticProject.Catalog());
    File.WriteAllText(Path.Combine(directory, "Synthetic.csproj"), $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>disable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
            <!-- PORT diagnostics stay on: the compiler skips an analyzer whose every rule is suppressed. -->
            <NoWarn>$(NoWarn);CS0219</NoWarn>
          </PropertyGroup>
          <ItemGroup>
            <Reference Include="PortCatalog" HintPath="{typeof(PortCatalog.PortCatalogAttribute).Assembly.Location}" />
            <Analyzer Include="{typeof(MagicPortAnalyzer).Assembly.Location}" Condition="'$(WithPortAnalyzers)' != 'false'" />
          </ItemGroup>
        </Project>
        """);
    Console.WriteLine($"Wrote {files.Count + 1} files, {lines:N0} lines, to {directory}");
    return;
}

var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
var sources = files.Append(SyntheticProject.Catalog()).Select((text, i) => (Text: text, Path: $"/synthetic/File{i}.cs")).ToArray();
var references = Basic.Reference.Assemblies.Net80.References.All
    .Append(MetadataReference.CreateFromFile(typeof(PortCatalog.PortCatalogAttribute).Assembly.Location))
    .ToImmutableArray();
var enableAll = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: true)
    .WithSpecificDiagnosticOptions([new("PORT004", ReportDiagnostic.Info)]);

CSharpCompilation NewCompilation() => CSharpCompilation.Create(
    "Synthetic", sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, s.Path)), references, enableAll);

var times = new Dictionary<string, List<double>> { ["compile"] = [], ["no-op pass"] = [], ["port pass"] = [], ["port execution"] = [] };
var callbackShares = new List<double>();
var reported = 0;
Console.WriteLine($"Synthetic project: {files.Count} files, {lines:N0} lines, {literalPercent}% of port contexts literal; {Environment.ProcessorCount} cores; load average {LoadAverage()}; {rounds} rounds after a warm-up.");
for (var round = 0; round <= rounds; round++)
{
    var compile = Compile(NewCompilation(), []);
    var noOp = Compile(NewCompilation(), [new NoOpAnalyzer(), new NoOpAnalyzer()]);
    var counter = new CpuTimedAnalyzer.CpuCounter();
    var port = Compile(NewCompilation(), [new CpuTimedAnalyzer(new MagicPortAnalyzer(), counter), new CpuTimedAnalyzer(new UrlPortAnalyzer(), counter)]);
    reported = port.Reported;
    Console.WriteLine($"{(round == 0 ? "warm-up" : "round " + round)}: compile {compile.WallMs:F0} ms (CPU {compile.CpuMs:F0} ms); analyzer pass on top: no-op {noOp.WallMs:F0} ms, " +
                      $"port {port.WallMs:F0} ms (port execution {port.ExecutionMs:F0} ms; port callbacks' CPU {counter.Milliseconds:F0} ms = {counter.Milliseconds / compile.CpuMs * 100:F2}% of the compile's CPU); load average {LoadAverage()}");
    if (round > 0)
    {
        times["compile"].Add(compile.WallMs);
        times["no-op pass"].Add(noOp.WallMs);
        times["port pass"].Add(port.WallMs);
        times["port execution"].Add(port.ExecutionMs);
        callbackShares.Add(counter.Milliseconds / compile.CpuMs * 100);
    }
}

var baseline = Median(times["compile"]);
Console.WriteLine();
Console.WriteLine($"PORT diagnostics per compilation: {reported:N0}; load average now {LoadAverage()}");
foreach (var (name, values) in times)
{
    Console.WriteLine($"{name,-15} median {Median(values),8:F0} ms  min {values.Min(),8:F0} ms  = {Median(values) / baseline * 100,6:F2}% of the compile (median)");
}

Console.WriteLine($"PortCatalog pass minus no-op pass: {(Median(times["port pass"]) - Median(times["no-op pass"])) / baseline * 100:F2}% of the compile; " +
                  $"PortCatalog execution: {Median(times["port execution"]) / baseline * 100:F2}% (goal < 3%)");
Console.WriteLine($"PortCatalog callbacks' own CPU ({(ThreadCpuClock.IsThreadCpuTime ? "thread CPU clock" : "stopwatch")}) as a share of the compile's process CPU: median {Median(callbackShares):F2}% " +
                  $"(per round {string.Join(" ", callbackShares.Select(v => v.ToString("F2", CultureInfo.InvariantCulture) + "%"))}) (goal <= 2%)");

// Sequential passes on one compiled compilation: single-threaded analyzer passes alternate between the no-op and the
// PortCatalog analyzers, so the difference is PortCatalog's own work (binding calls, syntax checks, catalog discovery,
// reporting) without thread scheduling noise. Every pass gets fresh semantic models.
{
    var compiled = NewCompilation();
    var watch = Stopwatch.StartNew();
    _ = compiled.GetDiagnostics();
    using (var peStream = new MemoryStream())
    {
        Check(compiled.Emit(peStream).Success, "the synthetic project must compile");
    }

    var compileMs = watch.Elapsed.TotalMilliseconds;
    var noOpPasses = new List<double>();
    var portPasses = new List<double>();
    var portExecutions = new List<double>();
    var portCallbacks = new List<double>();
    for (var pass = 0; pass <= rounds; pass++)
    {
        var noOp = Pass(compiled, [new NoOpAnalyzer(), new NoOpAnalyzer()]);
        var counter = new CpuTimedAnalyzer.CpuCounter();
        var port = Pass(compiled, [new CpuTimedAnalyzer(new MagicPortAnalyzer(), counter), new CpuTimedAnalyzer(new UrlPortAnalyzer(), counter)]);
        if (pass > 0)
        {
            noOpPasses.Add(noOp.WallMs);
            portPasses.Add(port.WallMs);
            portExecutions.Add(port.ExecutionMs);
            portCallbacks.Add(counter.Milliseconds);
        }
    }

    var own = Median(portPasses) - Median(noOpPasses);
    Console.WriteLine();
    Console.WriteLine($"sequential (one thread, compiled compilation {compileMs:F0} ms): no-op pass median {Median(noOpPasses):F0} ms, " +
                      $"PortCatalog pass median {Median(portPasses):F0} ms; difference {own:F0} ms = {own / compileMs * 100:F2}% of that compile");
    Console.WriteLine($"sequential PortCatalog execution (driver-measured, one thread): median {Median(portExecutions):F0} ms, min {portExecutions.Min():F0} ms " +
                      $"= {Median(portExecutions) / compileMs * 100:F2}% of that compile (goal < 3%); callbacks' thread CPU median {Median(portCallbacks):F0} ms");
}

// One single-threaded analyzer pass: its wall time, and the analyzers' own execution time as the driver measures it
// (with one thread it waits for no other callback, so it is the analyzers' work).
static (double WallMs, double ExecutionMs) Pass(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
{
    var watch = Stopwatch.StartNew();
    var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
        new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
    var result = withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
    return (watch.Elapsed.TotalMilliseconds, result.AnalyzerTelemetryInfo.Values.Sum(t => t.ExecutionTime.TotalMilliseconds));
}

(double WallMs, double ExecutionMs, int Reported, double CpuMs) Compile(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
{
    // The compile first (diagnostics + emit), as csc does it; then the analyzers on the same compilation, so they find
    // compilation-wide state (imports, member signatures) already built, as they do when csc runs them beside the
    // compile. Their wall time on top of the compile is what they add; method bodies they bind are bound again.
    var watch = Stopwatch.StartNew();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var compilerDiagnostics = compilation.GetDiagnostics();
    // Compiler warnings would be a cost of their own in both builds (a clash with PortCatalog.WellKnownPorts once
    // produced 26,000 CS0436); the project must compile clean apart from locals assigned and never read.
    var warnings = compilerDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS0219").ToList();
    Check(warnings.Count == 0, $"the synthetic project must compile without warnings; {warnings.Count}, first: {warnings.FirstOrDefault()}");
    using (var peStream = new MemoryStream())
    {
        var emitted = compilation.Emit(peStream);
        Check(emitted.Success, "the synthetic project must compile: " + string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(3)));
    }

    var compileCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
    if (analyzers.IsEmpty)
    {
        return (watch.Elapsed.TotalMilliseconds, 0, 0, compileCpuMs);
    }

    watch.Restart();
    var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
        new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
    var result = withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
    var analyzerWallMs = watch.Elapsed.TotalMilliseconds;
    var diagnostics = result.GetAllDiagnostics();
    var executionMs = result.AnalyzerTelemetryInfo.Values.Sum(t => t.ExecutionTime.TotalMilliseconds);
    if (verbose)
    {
        foreach (var (analyzer, telemetry) in result.AnalyzerTelemetryInfo)
        {
            Console.WriteLine($"    {analyzer.GetType().Name}: {telemetry.ExecutionTime.TotalMilliseconds:F0} ms");
        }
    }

    Check(!diagnostics.Any(d => d.Id == "AD0001") && compilerDiagnostics.All(d => d.Severity != DiagnosticSeverity.Error), "no analyzer may fail");
    return (analyzerWallMs, executionMs, diagnostics.Count(d => d.Id.StartsWith("PORT", StringComparison.Ordinal)), compileCpuMs);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

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
