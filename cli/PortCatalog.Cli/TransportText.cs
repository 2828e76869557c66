using System;
using System.Collections.Generic;

namespace PortCatalog.Cli;

/// <summary>Transports as portcat writes and reads them: lowercase names joined by '/', such as <c>tcp/udp</c>.</summary>
internal static class TransportText
{
    private static readonly (Transport Transport, string Name)[] Names =
    [
        (Transport.Tcp, "tcp"),
        (Transport.Udp, "udp"),
        (Transport.Sctp, "sctp"),
        (Transport.Dccp, "dccp"),
    ];

    public static string Format(Transport transports)
    {
        var parts = new List<string>(Names.Length);
        foreach (var (transport, name) in Names)
        {
            if ((transports & transport) != 0)
            {
                parts.Add(name);
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>Reads one transport name (any case) among <paramref name="allowed"/>.</summary>
    public static bool TryParse(string text, Transport allowed, out Transport transport)
    {
        foreach (var (candidate, name) in Names)
        {
            if ((allowed & candidate) != 0 && string.Equals(text.Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                transport = candidate;
                return true;
            }
        }

        transport = Transport.None;
        return false;
    }

    /// <summary>The names of <paramref name="allowed"/> for messages: <c>tcp|udp</c>.</summary>
    public static string Choices(Transport allowed) => Format(allowed).Replace('/', '|');
}
