namespace PortCatalog.Generator.Model;

/// <summary>
/// Where an entry's name came from, in increasing authority. When tables describe the same port, the entry
/// with the most authoritative name names it and the others merge into it (see docs/generator.md).
/// </summary>
internal enum NameSource
{
    /// <summary>Derived from a description (two-column Markdown tables).</summary>
    DerivedFromDescription = 0,

    /// <summary>A Markdown table's service column: a human label such as <c>SQL Server</c>.</summary>
    MarkdownServiceColumn = 1,

    /// <summary>A CSV table's service name column: a registry name such as <c>ms-sql-s</c>.</summary>
    CsvServiceName = 2,

    /// <summary>An explicit <c>Identifier</c> column value.</summary>
    ExplicitIdentifier = 3,
}
