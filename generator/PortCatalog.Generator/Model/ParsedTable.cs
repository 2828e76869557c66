namespace PortCatalog.Generator.Model;

/// <summary>Everything the generator needs from one table file: where it goes, its entries and its problems.</summary>
/// <param name="Path">The table's path.</param>
/// <param name="Options">The catalog class the table feeds.</param>
/// <param name="Entries">The good rows, in file order.</param>
/// <param name="Diagnostics">The problems found, in file order.</param>
internal sealed record ParsedTable(
    string Path,
    TableOptions Options,
    EquatableArray<PortEntry> Entries,
    EquatableArray<DiagnosticInfo> Diagnostics);
