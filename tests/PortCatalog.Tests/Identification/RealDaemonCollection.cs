namespace PortCatalog.Tests.Identification;

/// <summary>The test classes that use the real daemons share one <see cref="RealDaemonFixture"/>: the daemons start once per run.</summary>
[CollectionDefinition(Name)]
public sealed class RealDaemonCollection : ICollectionFixture<RealDaemonFixture>
{
    public const string Name = "Real daemons";
}
