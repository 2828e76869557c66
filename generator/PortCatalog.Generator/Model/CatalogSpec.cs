namespace PortCatalog.Generator.Model;

/// <summary>One generated catalog class: every table with the same class name and namespace, merged.</summary>
/// <param name="Namespace">The namespace; empty for the global namespace.</param>
/// <param name="ClassName">The class name.</param>
/// <param name="SourceFiles">The file names of the tables, for the class documentation.</param>
/// <param name="Entries">The entries sorted by port, the primary entry of each port first.</param>
/// <param name="Diagnostics">The diagnostics of every table plus those of the merge.</param>
/// <param name="HintName">
/// The name of the generated file: <c>&lt;Namespace&gt;.&lt;ClassName&gt;.g.cs</c>, unique ignoring case among the
/// project's catalogs (the compiler compares hint names ignoring case; see <c>CatalogMerger</c>).
/// </param>
internal sealed record CatalogSpec(
    string Namespace,
    string ClassName,
    EquatableArray<string> SourceFiles,
    EquatableArray<CatalogEntry> Entries,
    EquatableArray<DiagnosticInfo> Diagnostics,
    string HintName);
