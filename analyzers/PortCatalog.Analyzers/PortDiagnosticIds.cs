namespace PortCatalog.Analyzers;

/// <summary>The stable ids of the PortCatalog diagnostics. Never renumber or reuse one.</summary>
internal static class PortDiagnosticIds
{
    /// <summary>A literal port number that has a catalog constant.</summary>
    public const string UseCatalogConstant = "PORT001";

    /// <summary>A literal port number with no catalog constant.</summary>
    public const string ExtractPortConstant = "PORT002";

    /// <summary>A literal outside 0–65535 where a port is meant.</summary>
    public const string PortOutOfRange = "PORT003";

    /// <summary>A port inside a URL string literal that has a catalog constant.</summary>
    public const string UrlPortHasCatalogConstant = "PORT004";

    /// <summary>A <c>const</c> (or enum member) whose value a catalog constant names.</summary>
    public const string ConstantDuplicatesCatalog = "PORT005";
}
