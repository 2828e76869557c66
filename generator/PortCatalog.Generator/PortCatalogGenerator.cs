using System;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using PortCatalog.Generator.Diagnostics;
using PortCatalog.Generator.Emitting;
using PortCatalog.Generator.Merging;
using PortCatalog.Generator.Model;
using PortCatalog.Generator.Parsing;

namespace PortCatalog.Generator;

/// <summary>Generates typed port catalogs from the port tables a project lists as <c>PortTable</c> items.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class PortCatalogGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Parse inside the transform so only equatable data (no AdditionalText) leaves the step.
        var tables = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => TableParser.ParseIfTable(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.ParsedTables)
            .Where(static table => table is not null)
            .Select(static (table, _) => table!)
            .WithTrackingName(TrackingNames.Tables);

        var catalogs = tables
            .Collect()
            .SelectMany(static (all, cancellationToken) => CatalogMerger.Merge(all, cancellationToken))
            .WithTrackingName(TrackingNames.Catalogs);

        var nullableDirective = context.ParseOptionsProvider
            .Select(static (options, _) => options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 })
            .WithTrackingName(TrackingNames.LanguageFeatures);

        context.RegisterSourceOutput(catalogs.Combine(nullableDirective), static (spc, pair) => Emit(spc, pair.Left, pair.Right));
    }

    private static void Emit(SourceProductionContext context, CatalogSpec catalog, bool nullableDirective)
    {
        foreach (var diagnostic in catalog.Diagnostics)
        {
            context.ReportDiagnostic(ToDiagnostic(diagnostic));
        }

        try
        {
            context.AddSource(catalog.HintName, SourceText.From(CatalogEmitter.Emit(catalog, nullableDirective), Encoding.UTF8));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A generator that throws loses every catalog of the project (CS8785); losing this one is enough.
            var name = catalog.Namespace.Length == 0 ? catalog.ClassName : catalog.Namespace + "." + catalog.ClassName;
            var path = catalog.SourceFiles.Count > 0 ? catalog.SourceFiles[0] : string.Empty;
            context.ReportDiagnostic(ToDiagnostic(DiagnosticInfo.Create(DiagnosticIds.CatalogNotGenerated, path, 0, name, ex.GetType().Name + ": " + ex.Message)));
        }
    }

    private static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var position = new LinePosition(info.Line > 0 ? info.Line - 1 : 0, 0);
        var location = Location.Create(info.Path, default, new LinePositionSpan(position, position));
        var arguments = new object[info.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = info.Arguments[i];
        }

        return Diagnostic.Create(DiagnosticDescriptors.Get(info.Id), location, arguments);
    }
}
