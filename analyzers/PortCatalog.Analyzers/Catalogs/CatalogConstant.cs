using Microsoft.CodeAnalysis;

namespace PortCatalog.Analyzers.Catalogs;

/// <summary>One <c>public const int</c> of a port catalog.</summary>
internal sealed class CatalogConstant
{
    public CatalogConstant(INamedTypeSymbol catalog, string catalogMetadataName, CatalogOrigin origin, string name, int port, bool isPrimary, bool isWeakClaim)
    {
        IsWeakClaim = isWeakClaim;
        Key = name.Replace("_", string.Empty).ToLowerInvariant();
        Catalog = catalog;
        Origin = origin;
        Name = name;
        Port = port;
        IsPrimary = isPrimary;
        CatalogMetadataName = catalogMetadataName;
        DisplayName = catalog.Name + "." + name;
    }

    /// <summary>The catalog class.</summary>
    public INamedTypeSymbol Catalog { get; }

    /// <summary>Where the catalog comes from.</summary>
    public CatalogOrigin Origin { get; }

    /// <summary>The constant's name, such as <c>PostgreSql</c>.</summary>
    public string Name { get; }

    /// <summary>The name as context words are compared with it: lower case, no underscores (<c>postgresql</c>).</summary>
    public string Key { get; }

    /// <summary>Whether the entry's claim on its port is weak (<c>[PortClaim(PortClaimStrength.Weak)]</c>): suggested only when the context names it.</summary>
    public bool IsWeakClaim { get; }

    /// <summary>The constant's value.</summary>
    public int Port { get; }

    /// <summary>Whether this is the first constant of its catalog with this value: the port's primary entry.</summary>
    public bool IsPrimary { get; }

    /// <summary>The catalog's namespace-qualified name, such as <c>PortCatalog.WellKnownPorts</c> (<see cref="QualifiedName"/>).</summary>
    public string CatalogMetadataName { get; }

    /// <summary>The namespace-qualified name of <paramref name="catalog"/>, as <see cref="CatalogMetadataName"/> holds it; computed once per catalog, not per constant.</summary>
    public static string QualifiedName(INamedTypeSymbol catalog) =>
        catalog.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty);

    /// <summary>How messages name the constant: <c>WellKnownPorts.PostgreSql</c>.</summary>
    public string DisplayName { get; }
}
