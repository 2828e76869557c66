using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;

namespace PortCatalog;

/// <summary>
/// Reads the listening sockets out of Linux's <c>/proc/net/tcp</c>, <c>tcp6</c>, <c>udp</c> and <c>udp6</c> tables.
/// </summary>
/// <remarks>
/// A line looks like <c>0: 0100007F:0277 00000000:0000 0A 00000000:00000000 ...</c>: slot, local address:port,
/// remote address:port, state, then fields this reader does not need. Addresses are the kernel's in-memory words
/// printed as hexadecimal integers: IPv4 as one 32-bit word, IPv6 as four, each in the machine's byte order, so on a
/// little-endian machine 127.0.0.1 reads <c>0100007F</c>. Ports are printed as plain numbers. A line that does not
/// have this shape (the header, or anything a future kernel changes) is skipped, never an error.
/// </remarks>
internal static class ProcNetListenerParser
{
    private const string TcpListenState = "0A"; // TCP_LISTEN in include/net/tcp_states.h

    /// <summary>Parses one table; <paramref name="transport"/> says whether it is a TCP or a UDP table.</summary>
    public static IEnumerable<(IPAddress Address, int Port)> Parse(TextReader table, Transport transport, bool littleEndian)
    {
        string? line;
        while ((line = table.ReadLine()) is not null)
        {
            if (TryParseLine(line, transport, littleEndian, out var address, out var port))
            {
                yield return (address, port);
            }
        }
    }

    /// <summary>Parses one line; false for the header, a malformed line, or a socket that is not listening.</summary>
    public static bool TryParseLine(string line, Transport transport, bool littleEndian, out IPAddress address, out int port)
    {
        address = IPAddress.None;
        port = 0;

        var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 4 || !fields[0].EndsWith(":", StringComparison.Ordinal))
        {
            return false;
        }

        if (!TryParseEndPoint(fields[1], littleEndian, out var local, out var localPort)
            || !TryParseEndPoint(fields[2], littleEndian, out var remote, out var remotePort)
            || localPort == 0)
        {
            return false;
        }

        var listening = transport == Transport.Tcp
            ? string.Equals(fields[3], TcpListenState, StringComparison.OrdinalIgnoreCase)
            // A UDP socket waits for anyone when it is bound but not connected: its remote side is all zeros.
            : remotePort == 0 && IsUnspecified(remote);
        if (!listening)
        {
            return false;
        }

        address = local;
        port = localPort;
        return true;
    }

    private static bool TryParseEndPoint(string field, bool littleEndian, out IPAddress address, out int port)
    {
        address = IPAddress.None;
        port = 0;

        var colon = field.IndexOf(':');
        if (colon < 0
            || field.Length - colon - 1 != 4
            || !int.TryParse(field.Substring(colon + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out port))
        {
            return false;
        }

        var hex = field.Substring(0, colon);
        if (hex.Length != 8 && hex.Length != 32)
        {
            return false;
        }

        var bytes = new byte[hex.Length / 2];
        for (var word = 0; word < hex.Length / 8; word++)
        {
            if (!uint.TryParse(hex.Substring(word * 8, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            // The kernel printed the word as it sits in memory read as a native integer; write it back the same way.
            var destination = bytes.AsSpan(word * 4, 4);
            if (littleEndian)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(destination, value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(destination, value);
            }
        }

        address = new IPAddress(bytes);
        return true;
    }

    private static bool IsUnspecified(IPAddress address)
        => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
}
