using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace PortCatalog.Cli.Scanning;

/// <summary>
/// One target as nmap takes it: an address (<c>127.0.0.1</c>, <c>::1</c>, <c>[::1]</c>), a CIDR block
/// (<c>127.0.0.0/30</c>, <c>fd00::/126</c>), an IPv4 address with octet ranges (<c>127.0.0.1-5</c>, <c>10.0.0-1.1,3</c>,
/// <c>10.0.0.*</c>) or a host name. A block is never expanded: <see cref="Addresses"/> streams its addresses, so a
/// <c>/8</c> starts at once and holds one address at a time.
/// </summary>
internal sealed class TargetSpec
{
    /// <summary>The smallest IPv6 prefix portcat scans: at most 2^32 addresses per block, as for IPv4.</summary>
    public const int MinIPv6Prefix = 96;

    private const string Shapes = "an IPv4 address (a.b.c.d), an IPv6 address, a CIDR block (127.0.0.0/30), an octet range (127.0.0.1-5) or a host name";

    private readonly IPAddress? _address;
    private readonly (int First, int Last)[][]? _octets;
    private readonly UInt128 _ipv6Base;

    private TargetSpec(string text, IPAddress? address, string? hostName, (int First, int Last)[][]? octets, UInt128 ipv6Base, long count)
    {
        Text = text;
        _address = address;
        HostName = hostName;
        _octets = octets;
        _ipv6Base = ipv6Base;
        Count = count;
    }

    /// <summary>The target as written.</summary>
    public string Text { get; }

    /// <summary>The name to resolve, for a host name; null for addresses and blocks.</summary>
    public string? HostName { get; }

    /// <summary>Whether the target is one address written as such (an address named twice is scanned once).</summary>
    public bool IsSingleAddress => _address is not null;

    /// <summary>How many addresses the target stands for (a host name: one, its first address).</summary>
    public long Count { get; }

    /// <summary>Reads one target; a bad one throws a <see cref="UsageException"/> that starts with <paramref name="where"/>.</summary>
    /// <param name="text">The target as written.</param>
    /// <param name="where">What the message names first: <c>scan: </c>, or <c>-iL hosts.txt:3: </c>.</param>
    public static TargetSpec Parse(string text, string where)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw new UsageException($"{where}an empty target.");
        }

        var slash = trimmed.IndexOf('/');
        if (slash >= 0)
        {
            return ParseBlock(text, trimmed[..slash], trimmed[(slash + 1)..], where);
        }

        if (TryParseLiteral(trimmed, out var address))
        {
            return new TargetSpec(text, address, null, null, default, 1);
        }

        if (trimmed.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or ',' or '*') && trimmed.Contains('.'))
        {
            return ParseOctetRanges(text, trimmed, where);
        }

        // IPAddress.TryParse reads "10" or "127.1" as IPv4 (inet_aton); portcat wants them dotted-quad, and will not
        // send a number like "70000", or any junk, to DNS as if it were a name.
        if (trimmed.All(c => char.IsAsciiDigit(c) || c == '.') || trimmed.Contains(':') || !IsHostName(trimmed))
        {
            throw new UsageException($"{where}'{text}' is not {Shapes}.");
        }

        return new TargetSpec(text, null, trimmed, null, default, 1);
    }

    /// <summary>The target's addresses in order; a host name has none here (it is resolved first).</summary>
    public IEnumerable<IPAddress> Addresses()
    {
        if (_address is not null)
        {
            yield return _address;
        }
        else if (_octets is not null)
        {
            var bytes = new byte[4];
            foreach (var a in Values(_octets[0]))
            {
                foreach (var b in Values(_octets[1]))
                {
                    foreach (var c in Values(_octets[2]))
                    {
                        foreach (var d in Values(_octets[3]))
                        {
                            bytes[0] = (byte)a;
                            bytes[1] = (byte)b;
                            bytes[2] = (byte)c;
                            bytes[3] = (byte)d;
                            yield return new IPAddress(bytes);
                        }
                    }
                }
            }
        }
        else if (HostName is null)
        {
            var bytes = new byte[16];
            for (var i = 0L; i < Count; i++)
            {
                var value = _ipv6Base + (UInt128)(ulong)i;
                for (var b = 15; b >= 0; b--)
                {
                    bytes[b] = (byte)value;
                    value >>= 8;
                }

                yield return new IPAddress(bytes);
            }
        }
    }

    private static IEnumerable<int> Values((int First, int Last)[] ranges)
    {
        foreach (var (first, last) in ranges)
        {
            for (var value = first; value <= last; value++)
            {
                yield return value;
            }
        }
    }

    private static TargetSpec ParseBlock(string text, string addressText, string prefixText, string where)
    {
        if (!TryParseLiteral(addressText, out var address))
        {
            throw new UsageException($"{where}'{text}' is not a CIDR block: '{addressText}' is not an IPv4 or IPv6 address.");
        }

        var isV4 = address.AddressFamily == AddressFamily.InterNetwork;
        var bits = isV4 ? 32 : 128;
        var least = isV4 ? 0 : MinIPv6Prefix;
        if (!int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix < least || prefix > bits)
        {
            throw new UsageException($"{where}'{text}': the prefix length must be a whole number from {least} to {bits}{(isV4 ? "" : " (portcat scans at most 2^32 addresses per IPv6 block)")}.");
        }

        var hostBits = bits - prefix;
        if (isV4)
        {
            var value = (uint)IPAddress.NetworkToHostOrder(BitConverter.ToInt32(address.GetAddressBytes(), 0));
            var mask = hostBits == 32 ? 0u : uint.MaxValue << hostBits;
            var first = value & mask;
            var last = first | ~mask;
            var octets = new (int, int)[4][];
            for (var i = 0; i < 4; i++)
            {
                var shift = 24 - (8 * i);
                octets[i] = [((int)((first >> shift) & 0xFF), (int)((last >> shift) & 0xFF))];
            }

            return new TargetSpec(text, null, null, octets, default, 1L << hostBits);
        }

        var bytes = address.GetAddressBytes();
        var whole = UInt128.Zero;
        foreach (var b in bytes)
        {
            whole = (whole << 8) | b;
        }

        var hostMask = hostBits == 0 ? UInt128.Zero : (UInt128.One << hostBits) - 1;
        return new TargetSpec(text, null, null, null, whole & ~hostMask, 1L << hostBits);
    }

    private static TargetSpec ParseOctetRanges(string text, string trimmed, string where)
    {
        var parts = trimmed.Split('.');
        if (parts.Length != 4)
        {
            throw new UsageException($"{where}'{text}' is not {Shapes}.");
        }

        var octets = new (int First, int Last)[4][];
        var count = 1L;
        for (var i = 0; i < 4; i++)
        {
            var ranges = new List<(int, int)>();
            foreach (var item in parts[i].Split(','))
            {
                if (!TryParseOctetRange(item, out var first, out var last))
                {
                    throw new UsageException($"{where}'{text}': '{item}' is not an octet (0-255), an octet range (1-5) or '*'.");
                }

                ranges.Add((first, last));
            }

            octets[i] = [.. ranges];
            count *= ranges.Sum(r => r.Item2 - r.Item1 + 1);
        }

        return new TargetSpec(text, null, null, octets, default, count);
    }

    private static bool TryParseOctetRange(string item, out int first, out int last)
    {
        if (item == "*")
        {
            (first, last) = (0, 255);
            return true;
        }

        var dash = item.IndexOf('-');
        var firstText = dash < 0 ? item : item[..dash];
        var lastText = dash < 0 ? item : item[(dash + 1)..];
        last = 0;
        return TryParseOctet(firstText, out first) && TryParseOctet(lastText, out last) && first <= last;
    }

    private static bool TryParseOctet(string text, out int value)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= 255 && text.Length <= 3;

    /// <summary>IPv4 written dotted-quad, or IPv6 as written or in brackets (the one rule for an address typed on portcat's command line).</summary>
    public static bool TryParseLiteral(string text, out IPAddress address)
    {
        var unbracketed = text.Length > 2 && text[0] == '[' && text[^1] == ']' ? text[1..^1] : text;
        if (IPAddress.TryParse(unbracketed, out var parsed)
            && (parsed.AddressFamily == AddressFamily.InterNetworkV6 || (unbracketed.Count(c => c == '.') == 3 && unbracketed.All(c => char.IsAsciiDigit(c) || c == '.'))))
        {
            address = parsed;
            return true;
        }

        address = IPAddress.None;
        return false;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is spelled as a host name (RFC 1123 labels of letters, digits, '-' and '_',
    /// not starting or ending with '-'), so that junk such as <c>a b</c> is refused before any resolver sees it.
    /// </summary>
    public static bool IsHostName(string text)
    {
        var name = text.EndsWith('.') ? text[..^1] : text;
        return name.Length is > 0 and <= 253 && name.Split('.').All(label =>
            label.Length is > 0 and <= 63
            && label[0] != '-' && label[^1] != '-'
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'));
    }
}
