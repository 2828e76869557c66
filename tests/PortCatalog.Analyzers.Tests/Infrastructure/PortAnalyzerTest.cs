using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PortCatalog.Analyzers.Tests.Infrastructure;

/// <summary>
/// The official analyzer test (Microsoft.CodeAnalysis.CSharp.Analyzer.Testing) set up for PortCatalog: both analyzers,
/// offline references (<see cref="TestCompilation"/>), C# latest with nullable on, and a default rule for <c>[|...|]</c>
/// markup. Use through <see cref="PortVerifier"/>.
/// </summary>
internal sealed class PortAnalyzerTest : CSharpAnalyzerTest<MagicPortAnalyzer, DefaultVerifier>
{
    public PortAnalyzerTest(string defaultId)
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
