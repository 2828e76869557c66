using System.Net;
using PortCatalog.Probing;

namespace PortCatalog.Tests.Probing;

public sealed class ReusableIPEndPointTests
{
    [Fact]
    public void EverySerializationEqualsANewIPEndPointsAndReusesOneAddressPerFamily()
    {
        // Alternating families, ports with either byte zero, scope ids and mapped addresses: each rewrite in place must
        // leave nothing of the previous target behind. Only serialized, never sent anywhere.
        (string Address, int Port)[] targets =
        [
            ("127.0.0.1", 1),
            ("::1", 65535),
            ("127.1.2.3", 256),
            ("fe80::1%7", 8080),
            ("::ffff:127.0.0.1", 22),
            ("127.0.0.1", 0),
            ("::1", 53),
            ("fe80::2%4294967295", 443),
            ("255.255.255.254", 65280),
            ("::", 0),
        ];
        var endPoint = new ReusableIPEndPoint();
        var byFamily = new Dictionary<System.Net.Sockets.AddressFamily, SocketAddress>();

        foreach (var (text, port) in targets)
        {
            var address = IPAddress.Parse(text);
            endPoint.Set(address, port);

            var serialized = endPoint.Serialize();

            Assert.Equal(new IPEndPoint(address, port).Serialize(), serialized);
            Assert.Same(byFamily.TryGetValue(address.AddressFamily, out var earlier) ? earlier : serialized, serialized);
            byFamily[address.AddressFamily] = serialized;
        }
    }
}
