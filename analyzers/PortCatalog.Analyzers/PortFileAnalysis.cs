using System;
using Microsoft.CodeAnalysis.Diagnostics;
using PortCatalog.Analyzers.Configuration;
using PortCatalog.Analyzers.Exclusions;

namespace PortCatalog.Analyzers;

/// <summary>
/// How every PortCatalog analyzer runs: one semantic-model action per file that is not generated, given that file's
/// settings. Not a syntax-node action per literal: the driver's dispatch of every literal cost more than the analysis
/// (see LiteralFinder). Generated code is left out by <see cref="GeneratedCodeFilter"/>, not by the driver (see there).
/// </summary>
internal static class PortFileAnalysis
{
    /// <summary>
    /// What each analyzer passes to <c>ConfigureGeneratedCodeAnalysis</c> in its own Initialize (where the Roslyn
    /// analyzer rules RS1025 and RS1026 look for it): the driver hands over generated code too, and the filter drops it.
    /// </summary>
    public const GeneratedCodeAnalysisFlags GeneratedCodeFlags = GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics;

    /// <summary>Registers <paramref name="analyzeFile"/> for each non-generated file of each compilation.</summary>
    public static void Register(AnalysisContext context, Action<SemanticModelAnalysisContext, PortAnalyzerOptions, GeneratedCodeFilter> analyzeFile)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var generatedCode = new GeneratedCodeFilter(start.Compilation);
            start.RegisterSemanticModelAction(file =>
            {
                var tree = file.SemanticModel.SyntaxTree;
                if (!generatedCode.IsGeneratedFile(tree, file.CancellationToken))
                {
                    analyzeFile(file, PortAnalyzerOptions.From(file.Options.AnalyzerConfigOptionsProvider.GetOptions(tree)), generatedCode);
                }
            });
        });
    }
}
