using System;

namespace PortCatalog.Probing;

/// <summary>Built-in UDP probe payloads for services that answer only a well-formed request.</summary>
internal static class UdpPayloads
{
    /// <summary>The payload to send to <paramref name="port"/>, or an empty one when the service needs none.</summary>
    public static ReadOnlyMemory<byte> ForPort(int port) => ReadOnlyMemory<byte>.Empty;
}
