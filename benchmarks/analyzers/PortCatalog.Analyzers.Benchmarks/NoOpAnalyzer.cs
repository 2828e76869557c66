using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PortCatalog.Analyzers.Benchmarks;

/// <summary>
/// Registers what each PortCatalog analyzer registers (a compilation-start action that adds one semantic-model action
/// per file, with the same generated-code flags) and does nothing; the benchmark runs two, as there are two PortCatalog
/// analyzers. That is the cost of running any analyzers of that shape (the analyzer driver, semantic models,
/// callbacks); what PortCatalog adds on top is its own work.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class NoOpAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("NOOP001", "never", "never", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static s => s.RegisterSemanticModelAction(static _ => { }));
    }
}
