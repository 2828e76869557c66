namespace PortCatalog.Testing;

/// <summary>Where tests find the repository and the reference data kept beside it.</summary>
internal static class TestPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds PortCatalog.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The reference-data folder beside the repository (<c>../shared</c>); absent in an outside clone.</summary>
    public static string SharedDir => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>The IANA registry snapshot in <c>../shared/data/iana</c>.</summary>
    public static string IanaCsv => Path.Combine(SharedDir, "data", "iana", "service-names-port-numbers.csv");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PortCatalog.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"PortCatalog.sln not found above {AppContext.BaseDirectory}.");
    }
}
