namespace PortCatalog.Generator.Tests.Infrastructure;

/// <summary>A port table given to the generator as an AdditionalFiles item with PortTable metadata.</summary>
/// <param name="Path">The file path (its extension picks CSV or Markdown).</param>
/// <param name="Text">The file's content.</param>
/// <param name="ClassName">The ClassName metadata, or null for none.</param>
/// <param name="Namespace">The Namespace metadata, or null for none.</param>
/// <param name="IsTable">Whether the PortCatalogTable metadata is set.</param>
internal sealed record TestTable(string Path, string Text, string? ClassName = null, string? Namespace = null, bool IsTable = true);
