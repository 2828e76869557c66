namespace PortCatalog.Tests;

public sealed class CatalogSmokeTests
{
    [Fact]
    public void TransportFlagsCombine()
    {
        var both = Transport.Tcp | Transport.Udp;
        Assert.True(both.HasFlag(Transport.Udp));
        Assert.False(both.HasFlag(Transport.Sctp));
    }
}
