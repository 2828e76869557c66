using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PortCatalog.Analyzers.Benchmarks;

/// <summary>
/// Runs the PortCatalog analyzers over real repositories checked out in a folder outside this repository (never
/// committed; nothing is downloaded here). Each <c>.csproj</c> becomes one compilation of the <c>.cs</c> files below
/// it (nested projects excluded, <c>bin</c>/<c>obj</c> skipped), against the .NET 8 reference assemblies,
/// PortCatalog.dll, xUnit from the NuGet cache when it is there, and its project references (as compilation
/// references). Package references are not resolved, so calls into packages do not bind: what the analyzers see is a
/// lower bound of what a real build shows them.
/// <list type="bullet">
/// <item><c>--corpus DIR OUT.tsv</c>: every PORT diagnostic and AD0001 as a row (repo, id, file:line, message, source
/// line), for classification by reading; plus the literal candidates the analyzers left alone (lines that name a port
/// and hold a number), for the recall sample.</item>
/// <item><c>--corpus-cost DIR PASSES [WARMUP]</c>: per pass, each compilation is built fresh and its diagnostics
/// computed (no emit) without the analyzers and with them, alternating; process CPU time of each, medians printed.
/// The first WARMUP passes (default 1) are run and printed but not counted: a compiler server keeps analyzers loaded
/// and jitted across builds, and tiered JIT keeps promoting hot code for several passes.</item>
/// </list>
/// </summary>
internal static class CorpusRun
{
    private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest)
        .WithPreprocessorSymbols("NET", "NETCOREAPP", "NET8_0", "NET8_0_OR_GREATER", "NET7_0_OR_GREATER", "NET6_0_OR_GREATER", "NET5_0_OR_GREATER",
            "NETCOREAPP3_1_OR_GREATER", "NETCOREAPP2_1_OR_GREATER", "NETSTANDARD2_1_OR_GREATER", "RELEASE");

    public static void Report(string root, string output)
    {
        var rows = new StringBuilder("repo\tid\tlocation\tmessage\tsource\n");
        var candidates = new StringBuilder("repo\tlocation\tsource\n");
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (repo, project, compilation) in Compilations(root))
        {
            var diagnostics = Analyze(compilation, out var exceptions);
            foreach (var exception in exceptions)
            {
                rows.Append(repo).Append("\tEXCEPTION\t").Append(project).Append('\t').Append(Clean(exception.ToString())).Append("\t\n");
                Increment(counts, "EXCEPTION");
            }

            var reportedLines = new HashSet<(string, int)>();
            foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("PORT", StringComparison.Ordinal) || d.Id == "AD0001"))
            {
                var span = diagnostic.Location.GetLineSpan();
                var line = span.StartLinePosition.Line;
                var text = diagnostic.Location.SourceTree?.GetText().Lines[line].ToString().Trim() ?? string.Empty;
                reportedLines.Add((span.Path, line));
                rows.Append(repo).Append('\t').Append(diagnostic.Id).Append('\t').Append(Relative(root, span.Path)).Append(':').Append(line + 1)
                    .Append('\t').Append(Clean(diagnostic.GetMessage(CultureInfo.InvariantCulture))).Append('\t').Append(Clean(text)).Append('\n');
                Increment(counts, diagnostic.Id);
            }

            foreach (var tree in compilation.SyntaxTrees)
            {
                var lines = tree.GetText().Lines;
                foreach (var line in lines)
                {
                    var text = line.ToString();
                    if (!reportedLines.Contains((tree.FilePath, line.LineNumber)) && LooksLikeAPortLine(text))
                    {
                        candidates.Append(repo).Append('\t').Append(Relative(root, tree.FilePath)).Append(':').Append(line.LineNumber + 1).Append('\t').Append(Clean(text.Trim())).Append('\n');
                        Increment(counts, "unreported candidate lines");
                    }
                }
            }
        }

        File.WriteAllText(output, rows.ToString());
        File.WriteAllText(Path.ChangeExtension(output, ".candidates.tsv"), candidates.ToString());
        foreach (var (id, count) in counts)
        {
            Console.WriteLine($"{id}: {count}");
        }

        Console.WriteLine($"wrote {output} and {Path.ChangeExtension(output, ".candidates.tsv")}");
    }

    public static void Cost(string root, int passes, int warmup)
    {
        var projects = Compilations(root).ToArray();
        var lines = projects.Sum(p => p.Compilation.SyntaxTrees.Sum(t => t.GetText().Lines.Count));
        Console.WriteLine($"{projects.Length} compilations, {projects.Sum(p => p.Compilation.SyntaxTrees.Count()):N0} files, {lines:N0} lines; load average {LoadAverage()}");
        // Three variants, rotated so none always runs first: the compiler alone (GetDiagnostics), the compiler with two
        // no-op analyzers of the same shape (the analyzer driver's own cost, paid by any analyzer), and with ours.
        // Measured: process CPU time of each variant (user + sys of every thread), and the CPU time the PortCatalog
        // analyzers' own callbacks use (thread CPU clock, CpuTimedAnalyzer), which other load cannot stretch.
        var times = new Dictionary<string, List<double>> { ["compiler"] = [], ["no-op analyzers"] = [], ["PortCatalog analyzers"] = [] };
        var callbacks = new List<double>();
        var variants = times.Keys.ToArray();
        // The first passes warm up (JIT tiers, caches) and are not counted.
        for (var pass = 0; pass < warmup + passes; pass++)
        {
            for (var k = 0; k < variants.Length; k++)
            {
                var variant = variants[(k + pass) % variants.Length];
                var counter = new CpuTimedAnalyzer.CpuCounter();
                GC.Collect();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var collections = GC.CollectionCount(0);
                foreach (var (_, _, compilation) in projects)
                {
                    // A fresh compilation each time: nothing bound in an earlier pass is reused.
                    var fresh = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees);
                    _ = variant switch
                    {
                        "compiler" => fresh.GetDiagnostics(),
                        "no-op analyzers" => Run(fresh, [new NoOpAnalyzer(), new NoOpAnalyzer()]),
                        _ => Run(fresh, [new CpuTimedAnalyzer(new MagicPortAnalyzer(), counter), new CpuTimedAnalyzer(new UrlPortAnalyzer(), counter)]),
                    };
                }

                var seconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                var megabytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6;
                collections = GC.CollectionCount(0) - collections;
                if (pass >= warmup)
                {
                    times[variant].Add(seconds);
                    if (variant == "PortCatalog analyzers")
                    {
                        callbacks.Add(counter.Milliseconds / 1000);
                    }
                }

                var own = variant == "PortCatalog analyzers" ? $" (PortCatalog callbacks {counter.Milliseconds:F0} ms CPU)" : string.Empty;
                Console.WriteLine($"{(pass < warmup ? "warm-up " : string.Empty)}pass {pass}, {variant}: CPU {seconds:F2} s, {megabytes:F0} MB allocated, {collections} GCs{own}; load average {LoadAverage()}");
            }
        }

        var (c, n, p) = (Median(times["compiler"]), Median(times["no-op analyzers"]), Median(times["PortCatalog analyzers"]));
        var overCompiler = times["PortCatalog analyzers"].Zip(times["compiler"], (a, b) => (a - b) / b * 100).ToList();
        var overNoOp = times["PortCatalog analyzers"].Zip(times["no-op analyzers"], (a, b) => (a - b) / b * 100).ToList();
        var shares = callbacks.Zip(times["compiler"], (a, b) => a / b * 100).ToList();
        Console.WriteLine($"medians of {passes}: CPU compiler {c:F2} s, with no-op analyzers {n:F2} s ({(n - c) / c * 100:+0.0;-0.0}%), with PortCatalog analyzers {p:F2} s ({(p - c) / c * 100:+0.0;-0.0}% of the compiler, {(p - n) / c * 100:+0.0;-0.0}% over the no-op analyzers)");
        Console.WriteLine($"paired differences, PortCatalog minus compiler, per pass: {Percentages(overCompiler)}; median {Median(overCompiler):+0.0;-0.0}%");
        Console.WriteLine($"paired differences, PortCatalog minus no-op analyzers, per pass: {Percentages(overNoOp)}; median {Median(overNoOp):+0.0;-0.0}%");
        Console.WriteLine($"PortCatalog callbacks' own CPU ({(ThreadCpuClock.IsThreadCpuTime ? "thread CPU clock" : "stopwatch: no thread CPU clock here")}): median {Median(callbacks) * 1000:F0} ms = " +
                          $"{Median(shares):F2}% of the compiler's CPU (per pass {Percentages(shares, "0.00")}); load average {LoadAverage()}");
    }

    private static string Percentages(List<double> values, string format = "+0.0;-0.0") =>
        string.Join(" ", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture) + "%"));

    private static ImmutableArray<Diagnostic> Run(Compilation compilation, DiagnosticAnalyzer[] analyzers) =>
        compilation.WithAnalyzers([.. analyzers], new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAllDiagnosticsAsync().GetAwaiter().GetResult();

    private static ImmutableArray<Diagnostic> Analyze(Compilation compilation, out List<Exception> exceptions, bool compilerDiagnosticsToo = false)
    {
        var thrown = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), (e, _, _) => { lock (thrown) { thrown.Add(e); } },
            concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers([new MagicPortAnalyzer(), new UrlPortAnalyzer()], options);
        var result = compilerDiagnosticsToo
            ? withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult()
            : withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        exceptions = thrown;
        return result;
    }

    private static IEnumerable<(string Repo, string Project, CSharpCompilation Compilation)> Compilations(string root)
    {
        var references = Basic.Reference.Assemblies.Net80.References.All
            .Append(MetadataReference.CreateFromFile(typeof(PortCatalogAttribute).Assembly.Location))
            .Concat(CachedTestFrameworks())
            .ToImmutableArray();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions([new("PORT004", ReportDiagnostic.Info)]);
        foreach (var repoDir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var projectFiles = Directory.EnumerateFiles(repoDir, "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
            var projectDirs = projectFiles.Select(Path.GetDirectoryName).Distinct().ToArray();
            var built = new Dictionary<string, CSharpCompilation?>(StringComparer.Ordinal);

            // Project references become compilation references (no emit), so tests bind to the library they test and
            // see its internals through InternalsVisibleTo, as in a real build. Package references stay unresolved.
            CSharpCompilation? Build(string projectFile, int depth)
            {
                if (built.TryGetValue(projectFile, out var done))
                {
                    return done;
                }

                built[projectFile] = null;      // a cycle ends here
                var projectDir = Path.GetDirectoryName(projectFile)!;
                var files = Directory.EnumerateFiles(projectDir, "*.cs", SearchOption.AllDirectories)
                    .Where(f => OwningProject(f, projectDirs!) == projectDir && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal).ToArray();
                var projectReferences = new List<MetadataReference>();
                if (depth < 8)
                {
                    foreach (Match match in Regex.Matches(File.ReadAllText(projectFile), "<ProjectReference\\s+Include=\"([^\"]+)\""))
                    {
                        var referenced = Path.GetFullPath(Path.Combine(projectDir, match.Groups[1].Value.Replace('\\', '/')));
                        if (File.Exists(referenced) && Build(referenced, depth + 1) is { } dependency)
                        {
                            projectReferences.Add(dependency.ToMetadataReference());
                        }
                    }
                }

                var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), ParseOptions, f));
                var compilation = files.Length == 0 ? null : CSharpCompilation.Create(Path.GetFileNameWithoutExtension(projectFile), trees, references.AddRange(projectReferences), options);
                built[projectFile] = compilation;
                return compilation;
            }

            foreach (var projectFile in projectFiles)
            {
                if (Build(projectFile, 0) is { } compilation)
                {
                    yield return (Path.GetFileName(repoDir), Relative(root, Path.GetDirectoryName(projectFile)!), compilation);
                }
            }
        }
    }

    // The nearest project directory above a file.
    private static string? OwningProject(string file, string?[] projectDirs) =>
        projectDirs.Where(d => file.StartsWith(d + "/", StringComparison.Ordinal)).MaxBy(d => d!.Length);

    private static IEnumerable<MetadataReference> CachedTestFrameworks()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var package in new[] { "xunit.assert", "xunit.extensibility.core", "xunit.abstractions" })
        {
            var dir = Path.Combine(cache, package);
            var dll = Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*.dll", SearchOption.AllDirectories).Where(f => f.Contains("netstandard", StringComparison.Ordinal)).Order().LastOrDefault() : null;
            if (dll is not null)
            {
                yield return MetadataReference.CreateFromFile(dll);
            }
        }
    }

    // A line that names a port and holds a number that could be one (for the recall sample).
    private static bool LooksLikeAPortLine(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("*", StringComparison.Ordinal) || text.IndexOf("port", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsDigit(text[i]) && (i == 0 || !(char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '_' or '.')))
            {
                var end = i;
                while (end < text.Length && char.IsDigit(text[end]))
                {
                    end++;
                }

                if (end - i >= 2 && (end == text.Length || !(char.IsLetter(text[end]) || text[end] == '.')) && long.TryParse(text.AsSpan(i, end - i), out var value) && value is >= 7 and <= 70000)
                {
                    return true;
                }

                i = end;
            }
        }

        return false;
    }

    private static string Relative(string root, string path) => path.StartsWith(root, StringComparison.Ordinal) ? path.Substring(root.Length).TrimStart('/') : path;

    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    private static void Increment(SortedDictionary<string, int> counts, string key) => counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
