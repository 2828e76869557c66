using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PortCatalog.Analyzers.Benchmarks;

/// <summary>
/// Runs another analyzer and adds the CPU time its callbacks use (<see cref="ThreadCpuClock"/>) to a shared counter:
/// the share of the compiler's CPU spent in the analyzer's own code, which neither the analyzer driver's telemetry
/// (a stopwatch around each callback, stretched by preemption) nor process CPU differences (±10 % between identical
/// runs on a shared machine) measure steadily. Supports what the PortCatalog analyzers and <see cref="NoOpAnalyzer"/>
/// register (compilation-start actions that register semantic-model actions); anything else fails loudly.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class CpuTimedAnalyzer : DiagnosticAnalyzer
{
    private readonly DiagnosticAnalyzer _inner;
    private readonly CpuCounter _counter;

    public CpuTimedAnalyzer(DiagnosticAnalyzer inner, CpuCounter counter)
    {
        _inner = inner;
        _counter = counter;
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

    // The wrapped analyzer enables concurrent execution and configures generated code through the forwarding context.
#pragma warning disable RS1025, RS1026
    public override void Initialize(AnalysisContext context) => _inner.Initialize(new TimedContext(context, _counter));
#pragma warning restore RS1025, RS1026

    /// <summary>CPU nanoseconds used inside the callbacks of the analyzers that share it.</summary>
    internal sealed class CpuCounter
    {
        private long _nanoseconds;

        public double Milliseconds => Interlocked.Read(ref _nanoseconds) / 1e6;

        public void Time<T>(Action<T> action, T argument)
        {
            var start = ThreadCpuClock.NowNanoseconds();
            try
            {
                action(argument);
            }
            finally
            {
                Interlocked.Add(ref _nanoseconds, ThreadCpuClock.NowNanoseconds() - start);
            }
        }
    }

    private sealed class TimedContext(AnalysisContext inner, CpuCounter counter) : AnalysisContext
    {
        public override void EnableConcurrentExecution() => inner.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => inner.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            inner.RegisterCompilationStartAction(start => counter.Time(s => action(new TimedStartContext(s, counter)), start));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Unsupported();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
            inner.RegisterSemanticModelAction(file => counter.Time(action, file));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unsupported();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unsupported();
    }

#pragma warning disable RS1012 // the wrapped start action registers its actions through this context
    private sealed class TimedStartContext(CompilationStartAnalysisContext inner, CpuCounter counter)
        : CompilationStartAnalysisContext(inner.Compilation, inner.Options, inner.CancellationToken)
#pragma warning restore RS1012
    {
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) =>
            inner.RegisterCompilationEndAction(end => counter.Time(action, end));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
            inner.RegisterSemanticModelAction(file => counter.Time(action, file));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unsupported();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unsupported();
    }

    private static NotSupportedException Unsupported() =>
        new("CpuTimedAnalyzer wraps compilation-start and semantic-model actions only; time this analyzer's other actions before measuring it.");
}
