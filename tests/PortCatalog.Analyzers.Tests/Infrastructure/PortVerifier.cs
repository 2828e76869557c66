using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PortCatalog.Analyzers.Tests.Infrastructure;

/// <summary>
/// One-line entry points over the official harness. Markup: <c>[|22|]</c> expects the test's default rule on <c>22</c>,
/// <c>{|PORT002:7777|}</c> names the rule, <c>{|#0:22|}</c> marks a location for an explicit
/// <see cref="DiagnosticResult"/> (with its message). Sources must compile without errors.
/// </summary>
internal static class PortVerifier
{
    public static DiagnosticAnalyzer[] Analyzers => [new MagicPortAnalyzer(), new UrlPortAnalyzer()];

    /// <summary>The descriptor of a rule id, from the analyzers' own supported diagnostics.</summary>
    public static DiagnosticDescriptor Descriptor(string id) =>
        Analyzers.SelectMany(a => a.SupportedDiagnostics).First(d => d.Id == id);

    /// <summary>An expected diagnostic of <paramref name="id"/> at markup location <paramref name="location"/> (<c>{|#n:...|}</c>).</summary>
    public static DiagnosticResult Diagnostic(string id, int location = 0) => new DiagnosticResult(id, Descriptor(id).DefaultSeverity).WithLocation(location);

    /// <summary>
    /// The project options of a real build: each rule's default and the .editorconfig decide what is reported. (The
    /// harness's default turns every rule on explicitly, which would also override <c>dotnet_diagnostic.*.severity</c>
    /// and the off-by-default PORT004.) Analyzer exceptions stay errors.
    /// </summary>
    public static Project AsInABuild(Project project)
    {
        var options = project.CompilationOptions!;
        options = options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.SetItem("AD0001", ReportDiagnostic.Error));
        return project.Solution.WithProjectCompilationOptions(project.Id, options).GetProject(project.Id)!;
    }

    /// <summary>The .editorconfig of a test, as a line list after <c>root = true</c> and <c>[*.cs]</c>.</summary>
    public static string EditorConfig(params string[] lines) => "root = true\n[*.cs]\n" + string.Join("\n", lines) + "\n";

    /// <summary>Verifies the diagnostics of <paramref name="markup"/> (saved as <paramref name="fileName"/> when given).</summary>
    public static Task VerifyAsync(string markup, string? editorConfig = null, string defaultId = PortDiagnosticIds.UseCatalogConstant,
        IEnumerable<string>? extraSources = null, IEnumerable<MetadataReference>? extraReferences = null, TestCatalogs catalogs = TestCatalogs.Fixture,
        string? fileName = null, TestBehaviors behaviors = TestBehaviors.None, params DiagnosticResult[] expected)
    {
        // Analyzer-only tests use the code-fix test with the harness's EmptyCodeFixProvider: one test class, one setup.
        var test = new PortCodeFixTest<EmptyCodeFixProvider>(defaultId) { TestBehaviors = behaviors };
        test.TestState.Sources.Add((TestCompilation.Directory + (fileName ?? "Test0.cs"), markup));
        foreach (var (source, i) in (extraSources ?? []).Select((s, i) => (s, i)))
        {
            test.TestState.Sources.Add((TestCompilation.Directory + "Extra" + i + ".cs", source));
        }

        AddCatalogs(test.TestState, catalogs);
        test.TestState.AdditionalReferences.AddRange(extraReferences ?? []);
        AddEditorConfig(test.TestState, editorConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Verifies that <typeparamref name="TCodeFix"/> turns <paramref name="markup"/> into <paramref name="fixedSource"/>.</summary>
    public static Task VerifyFixAsync<TCodeFix>(string markup, string fixedSource, string defaultId, string? editorConfig = null,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new PortCodeFixTest<TCodeFix>(defaultId);
        test.TestState.OutputKind = outputKind;
        test.TestState.Sources.Add((TestCompilation.Directory + "Test0.cs", markup));
        test.FixedState.Sources.Add((TestCompilation.Directory + "Test0.cs", fixedSource));
        AddCatalogs(test.TestState, TestCatalogs.Fixture);
        AddFixture(test.FixedState);
        AddEditorConfig(test.TestState, editorConfig);
        return test.RunAsync();
    }

    /// <summary>
    /// Verifies Fix All of <typeparamref name="TCodeFix"/> over several projects (each a list of documents, marked up):
    /// the harness applies it in document, project and solution scope and each must reach <paramref name="fixedProjects"/>.
    /// </summary>
    public static Task VerifyFixAllAsync<TCodeFix>(string[][] projects, string[][] fixedProjects, string defaultId)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new PortCodeFixTest<TCodeFix>(defaultId);
        for (var p = 0; p < projects.Length; p++)
        {
            var (state, fixedState) = p == 0
                ? (test.TestState, test.FixedState)
                : (test.TestState.AdditionalProjects["Project" + p], test.FixedState.AdditionalProjects["Project" + p]);
            var directory = "/" + p + "/";
            for (var d = 0; d < projects[p].Length; d++)
            {
                state.Sources.Add((directory + "Test" + d + ".cs", projects[p][d]));
                fixedState.Sources.Add((directory + "Test" + d + ".cs", fixedProjects[p][d]));
            }

            state.Sources.Add((directory + "WellKnownPorts.g.cs", CatalogFixtures.WellKnownPorts));
            fixedState.Sources.Add((directory + "WellKnownPorts.g.cs", CatalogFixtures.WellKnownPorts));
            state.AdditionalReferences.AddRange(TestCompilation.References(TestCatalogs.Fixture));
            if (p > 0)
            {
                fixedState.AdditionalReferences.AddRange(TestCompilation.References(TestCatalogs.Fixture));
            }
        }

        return test.RunAsync();
    }

    /// <summary>Adds the catalogs of <paramref name="catalogs"/> and the references to a project state.</summary>
    public static void AddCatalogs(SolutionState state, TestCatalogs catalogs)
    {
        state.AdditionalReferences.AddRange(TestCompilation.References(catalogs));
        if (catalogs == TestCatalogs.Fixture)
        {
            AddFixture(state);
        }
    }

    private static void AddFixture(SolutionState state) =>
        state.Sources.Add((TestCompilation.Directory + "WellKnownPorts.g.cs", CatalogFixtures.WellKnownPorts));

    private static void AddEditorConfig(SolutionState state, string? editorConfig)
    {
        if (editorConfig is not null)
        {
            state.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }
    }
}
