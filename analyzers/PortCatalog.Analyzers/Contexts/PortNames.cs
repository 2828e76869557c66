using System;

namespace PortCatalog.Analyzers.Contexts;

/// <summary>
/// Decides whether an identifier names a port. The last word of the identifier must be "port" (or "ports" for
/// collections), optionally followed by "Number": <c>port</c>, <c>Port</c>, <c>smtpPort</c>, <c>LocalPort</c>, <c>SMTP_PORT</c>, <c>portNumber</c> (UriBuilder), <c>allowedPorts</c>.
/// Words are split at lower-to-upper case changes and underscores, so <c>Report</c>, <c>Transport</c>,
/// <c>Support</c> and <c>viewport</c> are not ports; extra names come from <c>port_catalog.port_parameter_names</c>.
/// </summary>
internal static class PortNames
{
    /// <summary>Whether <paramref name="name"/> names a single port.</summary>
    public static bool IsPortName(string name) => PortWordStart(name, plural: false) >= 0;

    /// <summary>Whether <paramref name="name"/> names a collection of ports (<c>ports</c>, <c>AllowedPorts</c>).</summary>
    public static bool IsPortsName(string name) => PortWordStart(name, plural: true) >= 0;

    /// <summary>
    /// The words before the trailing port word, which say which service is meant: <c>smtpPort</c> → <c>smtp</c>,
    /// <c>SMTP_PORT</c> → <c>SMTP</c>; empty for <c>port</c> itself or a name that is not a port name.
    /// </summary>
    public static string ServiceStem(string name)
    {
        var start = PortWordStart(name, plural: false);
        if (start < 0)
        {
            start = PortWordStart(name, plural: true);
        }

        return start <= 0 ? string.Empty : name.Substring(0, start).Trim('_', '@');
    }

    /// <summary>
    /// Whether <paramref name="name"/> names the client side of a connection: a port the operating system or a peer
    /// chose, not a service's (<c>sourcePort</c>, <c>srcPort</c>, <c>originatorPort</c>, <c>clientPort</c>,
    /// <c>ephemeralPort</c>). Such ports are never suggested a service constant, and are not reported at all.
    /// </summary>
    public static bool IsClientSide(string name)
    {
        foreach (var word in NameWords.Of(ServiceStem(name)))
        {
            if (word is "source" or "src" or "originator" or "originating" or "client" or "ephemeral")
            {
                return true;
            }
        }

        return false;
    }

    private static int TrimEnd(string name, int end)
    {
        while (end > 0 && name[end - 1] == '_')
        {
            end--;
        }

        return end;
    }

    private static int PortWordStart(string name, bool plural)
    {
        var word = plural ? "ports" : "port";
        var end = TrimEnd(name, name.Length);
        if (!plural && end > 6 && string.Compare(name, end - 6, "number", 0, 6, StringComparison.OrdinalIgnoreCase) == 0)
        {
            end = TrimEnd(name, end - 6);                                       // UriBuilder's portNumber, PORT_NUMBER
        }

        var start = end - word.Length;
        if (start < 0 || string.Compare(name, start, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return -1;
        }

        if (start == 0)
        {
            return 0;
        }

        // A word starts after an underscore, at "Port" after anything (smtpPort, HTTPPort), or at "PORT" after a
        // non-capital (http2PORT); "SUPPORT", "Report" and "viewport" have no word boundary before the port word.
        var previous = name[start - 1];
        var isWordStart =
            previous == '_' || previous == '@' ||
            (char.IsUpper(name[start]) && (!char.IsUpper(previous) || !char.IsUpper(name[start + 1])));
        return isWordStart ? start : -1;
    }
}
