namespace PortCatalog.Generator;

/// <summary>The names of the generator's pipeline steps, so tests can check what the driver cached.</summary>
internal static class TrackingNames
{
    /// <summary>Each additional file read (null for files that are not port tables).</summary>
    public const string ParsedTables = nameof(ParsedTables);

    /// <summary>The port tables only.</summary>
    public const string Tables = nameof(Tables);

    /// <summary>The merged catalogs, one per class name and namespace.</summary>
    public const string Catalogs = nameof(Catalogs);

    /// <summary>Whether the consumer's language version has <c>#nullable</c>.</summary>
    public const string LanguageFeatures = nameof(LanguageFeatures);
}
