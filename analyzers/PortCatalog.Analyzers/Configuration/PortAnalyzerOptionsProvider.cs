using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PortCatalog.Analyzers.Configuration;

/// <summary>
/// The <see cref="PortAnalyzerOptions"/> of each file of one compilation, read from .editorconfig once per file:
/// thousands of literals in a file are port candidates, and each would otherwise look its settings up again.
/// </summary>
internal sealed class PortAnalyzerOptionsProvider
{
    private readonly AnalyzerConfigOptionsProvider _provider;
    private readonly ConcurrentDictionary<SyntaxTree, PortAnalyzerOptions> _byTree = new();

    public PortAnalyzerOptionsProvider(AnalyzerConfigOptionsProvider provider) => _provider = provider;

    /// <summary>The settings that apply to <paramref name="tree"/>.</summary>
    public PortAnalyzerOptions For(SyntaxTree tree) =>
        _byTree.TryGetValue(tree, out var options) ? options : _byTree.GetOrAdd(tree, PortAnalyzerOptions.From(_provider.GetOptions(tree)));
}
