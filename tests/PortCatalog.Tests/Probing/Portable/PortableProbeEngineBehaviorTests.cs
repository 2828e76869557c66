using System.Globalization;
using PortCatalog.Probing;

namespace PortCatalog.Tests.Probing;

/// <summary>The same behaviour suite over the portable System.Net.Sockets engine, so both engines keep one contract.</summary>
[Collection(ProbeCollection.Name)]
public sealed class PortableProbeEngineBehaviorTests : ProbeEngineBehaviorTests
{
    private protected override IProbeEngine CreateEngine() => new PortableProbeEngine();

    [NetworkNamespaceFact("prlimit")]
    public void FullScansUnder64DescriptorsFinishWithoutAbortingTheProcess()
    {
        // The runtime starts threads as a scan runs, and those need descriptors too: the window must leave them room. The
        // scans run in a namespace of their own: a full scan of the shared loopback would connect to every other test's servers.
        using var ns = NetworkNamespace.Create();
        for (var run = 0; run < 5; run++)
        {
            var fields = ProbeHost.RunIn(ns, TimeSpan.FromMinutes(1), prlimitNoFile: 64, "scan", "127.0.0.1", "1-65535", "--engine", "portable", "--timeout-ms", "300");

            Assert.Equal("65535", fields["probes"]);
            Assert.Equal("0", fields["open"]);
            Assert.Equal("65535", fields["closed"]);
        }
    }
}
