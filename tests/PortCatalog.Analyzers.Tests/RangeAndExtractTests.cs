using PortCatalog.Analyzers.Tests.Infrastructure;

namespace PortCatalog.Analyzers.Tests;

/// <summary>PORT002 (no catalog constant) and PORT003 (not a port number at all).</summary>
public sealed class RangeAndExtractTests
{
    [Fact]
    public Task Port002ForUnnamedPortsInEveryKindOfContext() => PortVerifier.VerifyAsync("""
        using System.Net;
        class C
        {
            int _adminPort = [|7777|];
            void M(IPEndPoint e)
            {
                var ep = new IPEndPoint(IPAddress.Any, [|9999|]);
                if (e.Port == [|12345|]) { }
                const int DebugPort = 7778;
            }
        }
        """, defaultId: "PORT002");

    [Fact]
    public Task Port003ForNegativeAndTooLargeValues() => PortVerifier.VerifyAsync("""
        using System.Net;
        class C
        {
            int _port = [|-80|];
            const int BadPort = [|65536|];
            void M(IPEndPoint e)
            {
                var ep = new IPEndPoint(IPAddress.Any, [|70000|]);
                var unset = new IPEndPoint(IPAddress.Any, [|-1|]);
                long bigPort = [|4294967296L|];
                var max = new IPEndPoint(IPAddress.Any, {|PORT001:65535|});
                var big = 70000;
            }
        }
        """, defaultId: "PORT003");
}
