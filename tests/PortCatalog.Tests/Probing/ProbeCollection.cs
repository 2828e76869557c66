namespace PortCatalog.Tests.Probing;

/// <summary>
/// Probe tests count the process's file descriptors and allocated bytes, which other tests running at the same time
/// would disturb; this collection runs alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProbeCollection
{
    public const string Name = "Probe engines (not parallel: counts descriptors and allocations)";
}
