namespace PortCatalog.Analyzers.Catalogs;

/// <summary>Where a catalog comes from; lower values win when several catalogs name the same port.</summary>
internal enum CatalogOrigin
{
    /// <summary>A catalog generated into the compilation being analyzed: the user's own table.</summary>
    OwnCompilation = 0,

    /// <summary>A catalog in a referenced assembly other than PortCatalog.dll (a user library's table).</summary>
    ReferencedAssembly = 1,

    /// <summary>The built-in <c>PortCatalog.WellKnownPorts</c>.</summary>
    BuiltIn = 2,
}
