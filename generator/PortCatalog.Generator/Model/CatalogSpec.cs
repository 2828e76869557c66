namespace PortCatalog.Generator.Model;

/// <summary>One generated catalog class: every table with the same class name and namespace, merged.</summary>
/// <param name="Namespace">The namespace; empty for the global namespace.</param>
/// <param name="ClassName">The class name.</param>
/// <param name="SourceFiles">The file names of the tables, for the class documentation.</param>
/// <param name="Entries">The entries sorted by port, the primary entry of each port first.</param>
/// <param name="Diagnostics">The diagnostics of every table plus those of the merge.</param>
internal sealed record CatalogSpec(
    string Namespace,
    string ClassName,
    EquatableArray<string> SourceFiles,
    EquatableArray<CatalogEntry> Entries,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The deterministic hint name of the generated file.</summary>
    public string HintName => (Namespace.Length == 0 ? ClassName : Namespace + "." + ClassName) + ".g.cs";
}
