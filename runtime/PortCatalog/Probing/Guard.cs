using System;
using System.Net;
using System.Net.Sockets;

namespace PortCatalog.Probing;

/// <summary>Argument checks shared by the public probe API, each naming the offending parameter.</summary>
internal static class Guard
{
    public const int MaxPort = 65535;

    public static void Port(int port, string parameterName)
    {
        if ((uint)port > MaxPort)
        {
            throw new ArgumentOutOfRangeException(parameterName, port, $"A port number is between 0 and {MaxPort}.");
        }
    }

    public static void Timeout(TimeSpan timeout, string parameterName)
    {
        if (timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(parameterName, timeout, "The timeout must be positive.");
        }
    }

    public static T NotNull<T>(T? value, string parameterName)
        where T : class
        => value ?? throw new ArgumentNullException(parameterName);

    /// <summary>
    /// A probe goes to one host. A multicast or broadcast destination would send a TCP SYN nowhere useful (connect fails
    /// locally) and a UDP datagram to every member of a group or every host of a link, whose answers say nothing about
    /// one port; so both are refused before any packet is sent.
    /// </summary>
    public static IPAddress Target(IPAddress? address, string parameterName)
    {
        NotNull(address, parameterName);
        var why = WhyNotATarget(address!);
        return why is null ? address! : throw new ArgumentException($"{address} is not a single host: {why}", parameterName);
    }

    /// <summary>Why <paramref name="address"/> cannot be probed, or null when it can.</summary>
    public static string? WhyNotATarget(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return WhyNotATarget(address.MapToIPv4());
        }

        var ip = address;
        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
#if NET
            Span<byte> bytes = stackalloc byte[4];
            ip.TryWriteBytes(bytes, out _); // a probe must not allocate, even for its argument check
#else
            var bytes = ip.GetAddressBytes();
#endif
            if (bytes[0] >= 224 && bytes[0] <= 239)
            {
                return "it is an IPv4 multicast address (224.0.0.0/4); a probe would reach every member of the group.";
            }

            if (ip.Equals(IPAddress.Broadcast))
            {
                return "it is the IPv4 broadcast address; a probe would reach every host on the link.";
            }
        }
        else if (ip.IsIPv6Multicast)
        {
            return "it is an IPv6 multicast address (ff00::/8); a probe would reach every member of the group.";
        }

        return null;
    }
}
