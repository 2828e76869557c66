namespace PortCatalog.Generator.Diagnostics;

/// <summary>The ids of the generator's diagnostics; each has a page docs/rules/&lt;id&gt;.md.</summary>
internal static class DiagnosticIds
{
    public const string PortOutOfRange = "PCG001";
    public const string UnknownTransport = "PCG002";
    public const string UnparseableRow = "PCG003";
    public const string EmptyTable = "PCG004";
    public const string IdentifierRenamed = "PCG005";
    public const string MergeConflict = "PCG006";
    public const string InvalidCatalogOption = "PCG007";
    public const string InvalidIdentifier = "PCG008";
    public const string UnreadableTable = "PCG009";
    public const string MissingPortColumn = "PCG010";
    public const string CatalogNotGenerated = "PCG011";
}
