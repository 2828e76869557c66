namespace PortCatalog.Analyzers;

/// <summary>Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> the code fixes read.</summary>
internal static class PortDiagnosticProperties
{
    /// <summary>The literal's value, invariant decimal.</summary>
    public const string Port = "Port";

    /// <summary>The metadata name of the catalog class that holds the suggested constant (PORT001, PORT004).</summary>
    public const string CatalogType = "CatalogType";

    /// <summary>The name of the suggested constant (PORT001, PORT004).</summary>
    public const string ConstantName = "ConstantName";

    /// <summary>The name that made the literal a port (parameter, member, local); empty when none (PORT002 names its constant after it).</summary>
    public const string ContextName = "ContextName";
}
