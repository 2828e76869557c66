using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PortCatalog.Analyzers.Tests.Infrastructure;

/// <summary>
/// What the compiler derives from .editorconfig files, built with Roslyn's own parser (<see cref="AnalyzerConfig"/>):
/// the analyzer options each tree sees, and the per-tree severities (<c>dotnet_diagnostic.ID.severity</c>) and
/// <c>generated_code</c> the compilation applies.
/// </summary>
internal sealed class EditorConfigOptions
{
    public const string Directory = "/src/";
    private readonly AnalyzerConfigSet _set;

    public EditorConfigOptions(string? editorConfig)
    {
        var configs = editorConfig is null
            ? ImmutableArray<AnalyzerConfig>.Empty
            : ImmutableArray.Create(AnalyzerConfig.Parse(editorConfig, Directory + ".editorconfig"));
        _set = AnalyzerConfigSet.Create(configs);
    }

    public AnalyzerConfigOptionsResult For(SyntaxTree tree) => _set.GetOptionsForSourcePath(tree.FilePath);

    public AnalyzerOptions AnalyzerOptions => new(ImmutableArray<AdditionalText>.Empty, new OptionsProvider(this));

    public SyntaxTreeOptionsProvider SyntaxTreeOptions => new TreeOptionsProvider(this);

    private sealed class OptionsProvider(EditorConfigOptions owner) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new DictionaryOptions(owner.For(tree).AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;
    }

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }

    private sealed class TreeOptionsProvider(EditorConfigOptions owner) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) =>
            owner.For(tree).AnalyzerOptions.TryGetValue("generated_code", out var value)
                ? string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) ? GeneratedKind.MarkedGenerated : GeneratedKind.NotGenerated
                : GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            owner.For(tree).TreeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }
    }
}
