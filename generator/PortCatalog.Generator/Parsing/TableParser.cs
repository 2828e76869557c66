using System;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PortCatalog.Generator.Diagnostics;
using PortCatalog.Generator.Model;
using PortCatalog.Generator.Naming;

namespace PortCatalog.Generator.Parsing;

/// <summary>
/// Turns one additional file into a <see cref="ParsedTable"/> when its metadata marks it as a port table.
/// Files ending in <c>.csv</c> are read as CSV, every other file as Markdown. Never throws (except on
/// cancellation): an unreadable file becomes a diagnostic.
/// </summary>
internal static class TableParser
{
    private const string MetadataPrefix = "build_metadata.AdditionalFiles.";

    public static ParsedTable? ParseIfTable(AdditionalText file, AnalyzerConfigOptionsProvider optionsProvider, CancellationToken cancellationToken)
    {
        var options = optionsProvider.GetOptions(file);
        if (!options.TryGetValue(MetadataPrefix + "PortCatalogTable", out var isTable) || !string.Equals(isTable.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var table = new TableBuilder(file.Path);
        var tableOptions = ReadOptions(options, optionsProvider.GlobalOptions, table);
        string? text;
        try
        {
            text = file.GetText(cancellationToken)?.ToString();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            table.Report(DiagnosticIds.UnreadableTable, 0, Path.GetFileName(file.Path), ex.Message);
            return table.Build(tableOptions);
        }

        if (text is null)
        {
            table.Report(DiagnosticIds.UnreadableTable, 0, Path.GetFileName(file.Path), "the compiler could not load the file");
            return table.Build(tableOptions);
        }

        Parse(text, table, cancellationToken);
        return table.Build(tableOptions);
    }

    /// <summary>Reads table text into <paramref name="table"/>; the format follows the path's extension.</summary>
    public static void Parse(string text, TableBuilder table, CancellationToken cancellationToken)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        try
        {
            if (table.Path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                CsvTableReader.Read(text, table, cancellationToken);
            }
            else
            {
                MarkdownTableReader.Read(text, table, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A reader bug or a CsvHelper failure must not take the build down: keep the rows read so far.
            table.Report(DiagnosticIds.UnreadableTable, 0, Path.GetFileName(table.Path), ex.GetType().Name + ": " + ex.Message);
        }
    }

    private static TableOptions ReadOptions(AnalyzerConfigOptions options, AnalyzerConfigOptions global, TableBuilder table)
    {
        var rootNamespace = Value(global, "build_property.RootNamespace");
        if (rootNamespace.Length > 0 && !IdentifierRules.IsValidNamespace(rootNamespace))
        {
            rootNamespace = string.Empty;
        }

        var ns = Value(options, MetadataPrefix + "Namespace");
        if (ns.Length == 0)
        {
            ns = rootNamespace;
        }
        else if (!IdentifierRules.IsValidNamespace(ns))
        {
            table.Report(DiagnosticIds.InvalidCatalogOption, 0, "Namespace", ns, "is not a valid C# namespace", rootNamespace.Length == 0 ? "(the global namespace)" : rootNamespace);
            ns = rootNamespace;
        }

        var className = Value(options, MetadataPrefix + "ClassName");
        if (className.Length == 0)
        {
            className = MemberNames.DefaultClassName;
        }
        else if (IdentifierRules.ClassNameProblem(className, ns) is { } problem)
        {
            table.Report(DiagnosticIds.InvalidCatalogOption, 0, "ClassName", className, problem, MemberNames.DefaultClassName);
            className = MemberNames.DefaultClassName;
        }

        return new TableOptions(className, ns);
    }

    private static string Value(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out var value) && value is not null ? value.Trim() : string.Empty;
}
