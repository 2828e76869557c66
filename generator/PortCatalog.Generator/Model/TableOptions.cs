namespace PortCatalog.Generator.Model;

/// <summary>Which catalog class a table feeds, as its MSBuild metadata says.</summary>
/// <param name="ClassName">The catalog class name.</param>
/// <param name="Namespace">The catalog namespace; empty for the global namespace.</param>
internal sealed record TableOptions(string ClassName, string Namespace);
