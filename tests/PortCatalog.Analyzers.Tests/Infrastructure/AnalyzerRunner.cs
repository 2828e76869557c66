using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PortCatalog.Analyzers.Tests.Infrastructure;

/// <summary>The result of running the analyzers: their diagnostics, and every exception an analyzer threw.</summary>
internal sealed record AnalysisResult(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> AnalyzerExceptions);

/// <summary>Runs the PortCatalog analyzers over a compilation the way the compiler does (CompilationWithAnalyzers).</summary>
internal static class AnalyzerRunner
{
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = [new MagicPortAnalyzer(), new UrlPortAnalyzer()];

    public static async Task<AnalysisResult> RunAsync(Compilation compilation, AnalyzerOptions options, ImmutableArray<DiagnosticAnalyzer>? analyzers = null)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers ?? AllAnalyzers,
            new CompilationWithAnalyzersOptions(
                options,
                onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return new AnalysisResult(diagnostics, exceptions.ToArray());
    }
}
