using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace PortCatalog.Analyzers.Tests.Infrastructure;

/// <summary>
/// Asserts the PORT diagnostics of marked-up test source (see <see cref="TestMarkup"/>). The source is compiled with
/// the <see cref="CatalogFixtures.WellKnownPorts"/> fixture (unless told otherwise) and must compile without errors,
/// so a test cannot pass on code the compiler would reject.
/// </summary>
internal static class AnalyzerVerifier
{
    public static async Task VerifyAsync(string markup, string? editorConfig = null, string defaultId = PortDiagnosticIds.UseCatalogConstant,
        IEnumerable<string>? extraSources = null, IEnumerable<MetadataReference>? extraReferences = null, bool includeBuiltInCatalog = true,
        string? fileName = null)
    {
        var (source, expected) = TestMarkup.Parse(markup, defaultId);
        var path = fileName is null ? TestCompilation.PathOf(0) : EditorConfigOptions.Directory + fileName;
        var actual = await DiagnosticsAsync(source, editorConfig, extraSources, extraReferences, includeBuiltInCatalog, path);
        var actualSpans = actual
            .Where(d => d.Location.SourceTree?.FilePath == path)
            .Select(d => new ExpectedSpan(d.Id, d.Location.SourceSpan))
            .OrderBy(s => s.Span.Start).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToArray();
        var expectedSpans = expected.OrderBy(s => s.Span.Start).ThenBy(s => s.Id, StringComparer.Ordinal).ToArray();
        if (!actualSpans.SequenceEqual(expectedSpans))
        {
            Assert.Fail($"Expected:{Environment.NewLine}{Describe(source, expectedSpans)}Actual:{Environment.NewLine}{Describe(source, actualSpans)}" +
                        string.Join(Environment.NewLine, actual));
        }
    }

    /// <summary>
    /// The PORT diagnostics of <paramref name="source"/> (the first file, at <paramref name="path"/> when given), after
    /// failing on compile errors and analyzer exceptions.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(string source, string? editorConfig = null,
        IEnumerable<string>? extraSources = null, IEnumerable<MetadataReference>? extraReferences = null, bool includeBuiltInCatalog = true,
        string? path = null)
    {
        var options = new EditorConfigOptions(editorConfig);
        var sources = new List<string> { source };
        if (includeBuiltInCatalog)
        {
            sources.Add(CatalogFixtures.WellKnownPorts);
        }

        sources.AddRange(extraSources ?? []);
        var compilation = TestCompilation.Create(sources, options.SyntaxTreeOptions, extraReferences, withRuntimeLibrary: includeBuiltInCatalog, firstPath: path);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, "Test source does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));

        var result = await AnalyzerRunner.RunAsync(compilation, options.AnalyzerOptions);
        Assert.True(result.AnalyzerExceptions.Count == 0, string.Join(Environment.NewLine, result.AnalyzerExceptions));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "AD0001");
        return result.Diagnostics;
    }

    private static string Describe(string source, IEnumerable<ExpectedSpan> spans)
    {
        var text = new StringBuilder();
        foreach (var span in spans)
        {
            text.Append("  ").Append(span.Id).Append(" at ").Append(span.Span).Append(": '").Append(source, span.Span.Start, span.Span.Length).AppendLine("'");
        }

        return text.Length == 0 ? "  (none)" + Environment.NewLine : text.ToString();
    }
}
