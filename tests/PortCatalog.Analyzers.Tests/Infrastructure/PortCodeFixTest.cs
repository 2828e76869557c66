using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PortCatalog.Analyzers.Tests.Infrastructure;

/// <summary>
/// The official test (Microsoft.CodeAnalysis.CSharp.CodeFix.Testing) set up for PortCatalog: both analyzers, offline
/// references (<see cref="TestCompilation"/>), C# latest with nullable on, the project options of a real build, and a
/// default rule for <c>[|...|]</c> markup. With a code fix, the harness applies it one diagnostic at a time and Fix All
/// in document, project and solution scope, and requires each to reach the fixed state; with the harness's
/// <c>EmptyCodeFixProvider</c> it verifies diagnostics only. Use through <see cref="PortVerifier"/>.
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
