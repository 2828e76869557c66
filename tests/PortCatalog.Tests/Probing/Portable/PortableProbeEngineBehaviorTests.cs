using PortCatalog.Probing;

namespace PortCatalog.Tests.Probing;

/// <summary>The same behaviour suite over the portable System.Net.Sockets engine, so both engines keep one contract.</summary>
[Collection(ProbeCollection.Name)]
public sealed class PortableProbeEngineBehaviorTests : ProbeEngineBehaviorTests
{
    private protected override IProbeEngine CreateEngine() => new PortableProbeEngine();
}
