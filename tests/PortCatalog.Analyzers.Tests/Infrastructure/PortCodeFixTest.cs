using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PortCatalog.Analyzers.Tests.Infrastructure;

/// <summary>
/// The official code-fix test (Microsoft.CodeAnalysis.CSharp.CodeFix.Testing) set up like <see cref="PortAnalyzerTest"/>.
/// The harness applies the fix one diagnostic at a time and Fix All in document, project and solution scope, and
/// requires each to reach the fixed state.
/// </summary>
internal sealed class PortCodeFixTest<TCodeFix> : CSharpCodeFixTest<MagicPortAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public PortCodeFixTest(string defaultId)
    {
        DefaultId = defaultId;
        ReferenceAssemblies = TestCompilation.NoPackages;
    }

    /// <summary>The rule <c>[|...|]</c> markup expects.</summary>
    public string DefaultId { get; }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => PortVerifier.Analyzers;

    protected override DiagnosticDescriptor? GetDefaultDiagnostic(DiagnosticAnalyzer[] analyzers) => PortVerifier.Descriptor(DefaultId);

    protected override Project ApplyCompilationOptions(Project project) => PortVerifier.AsInABuild(project);

    protected override ParseOptions CreateParseOptions() => TestCompilation.ParseOptions;

    protected override CompilationOptions CreateCompilationOptions() => TestCompilation.Options();
}
