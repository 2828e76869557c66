using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace PortCatalog.Probing;

/// <summary>The probe engine for every platform, over System.Net.Sockets. (Placeholder until it is written.)</summary>
internal sealed class PortableProbeEngine : IProbeEngine
{
    public ValueTask<PortState> ProbeTcpAsync(IPAddress address, int port, TimeSpan timeout, CancellationToken cancellationToken)
        => throw new NotImplementedException();

    public ValueTask<PortState> ProbeUdpAsync(IPAddress address, int port, ReadOnlyMemory<byte> payload, TimeSpan timeout, CancellationToken cancellationToken)
        => throw new NotImplementedException();

    public void Dispose()
    {
    }
}
