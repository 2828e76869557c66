using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PortCatalog.Generator.Tests.Infrastructure;

/// <summary>Plays the part of the .editorconfig the SDK writes from CompilerVisible* items.</summary>
internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, TestTable> tables, string? rootNamespace) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(
        rootNamespace is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace });

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
    {
        if (!tables.TryGetValue(textFile.Path, out var table) || !table.IsTable)
        {
            return DictionaryOptions.Empty;
        }

        var values = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.PortCatalogTable"] = "true" };
        if (table.ClassName is not null)
        {
            values["build_metadata.AdditionalFiles.ClassName"] = table.ClassName;
        }

        if (table.Namespace is not null)
        {
            values["build_metadata.AdditionalFiles.Namespace"] = table.Namespace;
        }

        return new DictionaryOptions(values);
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static DictionaryOptions Empty { get; } = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
