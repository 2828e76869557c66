using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PortCatalog.Analyzers.Tests.Infrastructure;

/// <summary>
/// Applies code fixes in an <see cref="AdhocWorkspace"/>: one project per entry of <c>projects</c>, each document a
/// file under <c>/src/</c>, the catalog fixture added to each project, and an optional .editorconfig.
/// </summary>
internal static class CodeFixVerifier
{
    /// <summary>Applies the fix of <paramref name="provider"/> to one diagnostic at a time until none is left, then compares.</summary>
    public static async Task VerifyAsync(CodeFixProvider provider, string source, string expected, string? editorConfig = null, IEnumerable<string>? extraSources = null,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var solution = CreateSolution([[source, .. extraSources ?? []]], editorConfig, outputKind);
        var documentId = solution.Projects.Single().DocumentIds[0];
        for (var iteration = 0; ; iteration++)
        {
            Assert.True(iteration < 50, "The fix never converges.");
            var document = solution.GetDocument(documentId)!;
            var diagnostic = (await DiagnosticsAsync(document.Project, provider))
                .Where(d => d.Location.SourceTree?.FilePath == document.FilePath)
                .OrderBy(d => d.Location.SourceSpan.Start)
                .FirstOrDefault();
            if (diagnostic is null)
            {
                break;
            }

            var actions = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            if (actions.Count == 0)
            {
                break;      // the fix declines this diagnostic (e.g. no enclosing type); the comparison shows what is left
            }

            solution = await ApplyAsync(actions[0]);
        }

        AssertText(expected, await solution.GetDocument(documentId)!.GetTextAsync());
    }

    /// <summary>Runs Fix All in <paramref name="scope"/> from the first diagnostic of the first document; compares every document.</summary>
    public static async Task VerifyFixAllAsync(CodeFixProvider provider, FixAllScope scope, string[][] projects, string[][] expected, string? editorConfig = null)
    {
        var solution = CreateSolution(projects, editorConfig);
        var project = solution.Projects.OrderBy(p => p.Name, StringComparer.Ordinal).First();
        var document = project.Documents.OrderBy(d => d.Name, StringComparer.Ordinal).First();
        var diagnostic = (await DiagnosticsAsync(project, provider)).First(d => d.Location.SourceTree?.FilePath == document.FilePath);
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var action = Assert.Single(actions);

        var fixAllContext = new FixAllContext(document, provider, scope, action.EquivalenceKey, provider.FixableDiagnosticIds,
            new AnalyzerDiagnosticProvider(provider), CancellationToken.None);
        var fix = await provider.GetFixAllProvider()!.GetFixAsync(fixAllContext);
        Assert.NotNull(fix);
        solution = await ApplyAsync(fix);

        var orderedProjects = solution.Projects.OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
        for (var p = 0; p < expected.Length; p++)
        {
            var documents = orderedProjects[p].Documents.Where(d => d.Name.StartsWith("Test", StringComparison.Ordinal)).OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();
            for (var d = 0; d < expected[p].Length; d++)
            {
                AssertText(expected[p][d], await documents[d].GetTextAsync());
            }
        }
    }

    public static Solution CreateSolution(string[][] projects, string? editorConfig, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var workspace = new AdhocWorkspace();
        var solution = workspace.CurrentSolution;
        for (var p = 0; p < projects.Length; p++)
        {
            var projectId = ProjectId.CreateNewId();
            var name = "Project" + p;
            solution = solution.AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, name, name, LanguageNames.CSharp,
                filePath: EditorConfigOptions.Directory + name + ".csproj",
                compilationOptions: TestCompilation.Options().WithOutputKind(outputKind), parseOptions: TestCompilation.ParseOptions, metadataReferences: TestCompilation.References));
            for (var d = 0; d < projects[p].Length; d++)
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), $"Test{d}.cs", SourceText.From(projects[p][d]), filePath: TestCompilation.PathOf(d));
            }

            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), "WellKnownPorts.g.cs", SourceText.From(CatalogFixtures.WellKnownPorts),
                filePath: EditorConfigOptions.Directory + "WellKnownPorts.g.cs");
            if (editorConfig is not null)
            {
                solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(editorConfig),
                    filePath: EditorConfigOptions.Directory + ".editorconfig");
            }
        }

        return solution;
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project, CodeFixProvider provider)
    {
        var compilation = await project.GetCompilationAsync();
        var errors = compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, "Source does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        var result = await AnalyzerRunner.RunAsync(compilation, project.AnalyzerOptions);
        Assert.Empty(result.AnalyzerExceptions);
        return result.Diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
    }

    private static async Task<Solution> ApplyAsync(CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
    }

    private static void AssertText(string expected, SourceText actual)
    {
        var actualText = actual.ToString().ReplaceLineEndings("\n");
        Assert.Equal(expected.ReplaceLineEndings("\n"), actualText);
    }

    private sealed class AnalyzerDiagnosticProvider(CodeFixProvider provider) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            (await DiagnosticsAsync(document.Project, provider)).Where(d => d.Location.SourceTree?.FilePath == document.FilePath);

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            (await DiagnosticsAsync(project, provider)).Where(d => !d.Location.IsInSource);

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await DiagnosticsAsync(project, provider);
    }
}
