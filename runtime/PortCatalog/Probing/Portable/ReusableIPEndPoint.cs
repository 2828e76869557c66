using System;
using System.Net;
using System.Net.Sockets;

namespace PortCatalog.Probing;

/// <summary>
/// The destination of a pooled <see cref="PortableProbeOperation"/>: an <see cref="IPEndPoint"/> re-aimed for every
/// probe that serializes into one <see cref="SocketAddress"/> per address family, kept and rewritten in place.
/// </summary>
/// <remarks>
/// <see cref="Socket.ConnectAsync(SocketAsyncEventArgs)"/> and <see cref="Socket.Connect(EndPoint)"/> call
/// <see cref="EndPoint.Serialize"/> once per connect, and <see cref="IPEndPoint"/> answers with a new
/// <see cref="SocketAddress"/> and its byte array every time (72 B for IPv4, 88 B for IPv6). The socket only reads the
/// address while it connects, and an operation runs one probe at a time, so one address per family serves them all.
/// The layout written here is the <c>sockaddr_in</c>/<c>sockaddr_in6</c> one every platform shares: the family header
/// (which differs between platforms) comes from the first <see cref="IPEndPoint.Serialize"/> and is left as it is;
/// the port follows at offset 2 in network byte order; then an IPv4 address at 4, or the IPv6 flow label at 4, the
/// address at 8 and the scope id at 24 in host byte order.
/// </remarks>
internal sealed class ReusableIPEndPoint : IPEndPoint
{
    private const int PortOffset = 2;
    private const int IPv4AddressOffset = 4;
    private const int IPv6FlowInfoOffset = 4;
    private const int IPv6AddressOffset = 8;
    private const int IPv6ScopeIdOffset = 24;

    private SocketAddress? _ipv4;
    private SocketAddress? _ipv6;

    public ReusableIPEndPoint()
        : base(IPAddress.Any, 0)
    {
    }

    /// <summary>Aims this end point at <paramref name="address"/> and <paramref name="port"/>.</summary>
    public void Set(IPAddress address, int port)
    {
        Address = address;
        Port = port;
    }

    /// <summary>The address of this end point, in the same instance each time for a given address family.</summary>
    public override SocketAddress Serialize()
    {
        var isIPv4 = AddressFamily == AddressFamily.InterNetwork;
        var cached = isIPv4 ? _ipv4 : _ipv6;
        if (cached is null)
        {
            cached = base.Serialize();
            if (isIPv4)
            {
                _ipv4 = cached;
            }
            else
            {
                _ipv6 = cached;
            }

            return cached;
        }

        Write(cached, isIPv4);
        return cached;
    }

    private void Write(SocketAddress target, bool isIPv4)
    {
        var port = Port;
        target[PortOffset] = (byte)(port >> 8);
        target[PortOffset + 1] = (byte)port;

#if NET
        Span<byte> bytes = stackalloc byte[16];
        Address.TryWriteBytes(bytes, out var length);
#else
        var bytes = Address.GetAddressBytes(); // netstandard2.0 has no TryWriteBytes: 28 or 40 B instead of 72 or 88
        var length = bytes.Length;
#endif
        var offset = isIPv4 ? IPv4AddressOffset : IPv6AddressOffset;
        for (var i = 0; i < length; i++)
        {
            target[offset + i] = bytes[i];
        }

        if (!isIPv4)
        {
            WriteUInt32HostOrder(target, IPv6FlowInfoOffset, 0);
            WriteUInt32HostOrder(target, IPv6ScopeIdOffset, (uint)Address.ScopeId);
        }
    }

    private static void WriteUInt32HostOrder(SocketAddress target, int offset, uint value)
    {
        for (var i = 0; i < 4; i++)
        {
            var shift = BitConverter.IsLittleEndian ? 8 * i : 8 * (3 - i);
            target[offset + i] = (byte)(value >> shift);
        }
    }
}
