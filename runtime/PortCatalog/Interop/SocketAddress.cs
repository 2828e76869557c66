using System;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace PortCatalog.Interop;

/// <summary>
/// Builds and compares native <c>sockaddr_in</c> / <c>sockaddr_in6</c> structures in caller-provided memory, so
/// turning an <see cref="IPAddress"/> into something <c>connect</c> takes allocates nothing.
/// </summary>
internal static class SocketAddress
{
    /// <summary>Large enough for either structure (<c>sizeof(struct sockaddr_in6)</c>).</summary>
    public const int MaxSize = 28;

    /// <summary>Writes <paramref name="address"/>:<paramref name="port"/> into <paramref name="destination"/>.</summary>
    /// <returns>The structure's length; <paramref name="family"/> receives AF_INET or AF_INET6.</returns>
    public static int Write(IPAddress address, int port, Span<byte> destination, out int family)
    {
        destination.Slice(0, MaxSize).Clear();
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), (ushort)port);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            family = Libc.AF_INET;
            BitConverter.TryWriteBytes(destination, (ushort)Libc.AF_INET);
            address.TryWriteBytes(destination.Slice(4, 4), out _);
            return 16;
        }

        family = Libc.AF_INET6;
        BitConverter.TryWriteBytes(destination, (ushort)Libc.AF_INET6);
        address.TryWriteBytes(destination.Slice(8, 16), out _);
        BitConverter.TryWriteBytes(destination.Slice(24), (uint)address.ScopeId);
        return 28;
    }

    /// <summary>
    /// True when a socket's local address (from <c>getsockname</c>) has the same port and IP as the remote address it
    /// connected to: the kernel picked the destination port as the source port and the connection is with itself.
    /// </summary>
    public static bool IsSameEndpoint(ReadOnlySpan<byte> local, ReadOnlySpan<byte> remote, int family)
    {
        if (!local.Slice(2, 2).SequenceEqual(remote.Slice(2, 2)))
        {
            return false;
        }

        return family == Libc.AF_INET
            ? local.Slice(4, 4).SequenceEqual(remote.Slice(4, 4))
            : local.Slice(8, 16).SequenceEqual(remote.Slice(8, 16));
    }
}
