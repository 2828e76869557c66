using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PortCatalog.Generator.Diagnostics;

/// <summary>The generator's diagnostic descriptors, found by id when a <c>DiagnosticInfo</c> is reported.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "PortCatalog.Generator";
    private const string HelpBase = "https://github.com/PortCatalog/PortCatalog/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor PortOutOfRange = Create(
        DiagnosticIds.PortOutOfRange,
        "Port number out of range",
        "Port '{0}' is outside 0-65535; the row is skipped",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnknownTransport = Create(
        DiagnosticIds.UnknownTransport,
        "Unknown transport",
        "Transport '{0}' is not tcp, udp, sctp or dccp; the row is skipped",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnparseableRow = Create(
        DiagnosticIds.UnparseableRow,
        "Row cannot be read",
        "The row cannot be read: {0}; the row is skipped",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EmptyTable = Create(
        DiagnosticIds.EmptyTable,
        "Port table has no entries",
        "'{0}' holds no port table with entries: {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor IdentifierRenamed = Create(
        DiagnosticIds.IdentifierRenamed,
        "Duplicate identifier renamed",
        "'{0}' (port {1}) is already the name of another member of {2}; this entry is named '{3}'",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor MergeConflict = Create(
        DiagnosticIds.MergeConflict,
        "Tables disagree about a port",
        "Port {0}: {1}",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor InvalidCatalogOption = Create(
        DiagnosticIds.InvalidCatalogOption,
        "Invalid catalog class name or namespace",
        "{0} '{1}' {2}; '{3}' is used instead",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidIdentifier = Create(
        DiagnosticIds.InvalidIdentifier,
        "Invalid identifier",
        "Identifier '{0}' is not a valid C# identifier; '{1}' is used instead",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnreadableTable = Create(
        DiagnosticIds.UnreadableTable,
        "Port table cannot be read",
        "'{0}' cannot be read: {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MissingPortColumn = Create(
        DiagnosticIds.MissingPortColumn,
        "CSV table has no port column",
        "The header names no port column (expected 'Port Number' or 'Port'); the table is skipped",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor CatalogNotGenerated = Create(
        DiagnosticIds.CatalogNotGenerated,
        "Catalog cannot be generated",
        "Catalog '{0}' cannot be generated: {1}; the other catalogs are not affected",
        DiagnosticSeverity.Warning);

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = new()
    {
        [PortOutOfRange.Id] = PortOutOfRange,
        [UnknownTransport.Id] = UnknownTransport,
        [UnparseableRow.Id] = UnparseableRow,
        [EmptyTable.Id] = EmptyTable,
        [IdentifierRenamed.Id] = IdentifierRenamed,
        [MergeConflict.Id] = MergeConflict,
        [InvalidCatalogOption.Id] = InvalidCatalogOption,
        [InvalidIdentifier.Id] = InvalidIdentifier,
        [UnreadableTable.Id] = UnreadableTable,
        [MissingPortColumn.Id] = MissingPortColumn,
        [CatalogNotGenerated.Id] = CatalogNotGenerated,
    };

    public static IEnumerable<DiagnosticDescriptor> All => s_byId.Values;

    public static DiagnosticDescriptor Get(string id) => s_byId[id];

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity)
        => new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id + ".md");
}
