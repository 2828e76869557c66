using System;
using System.Collections.Generic;
using PortCatalog.Generator.Model;

namespace PortCatalog.Generator.Parsing;

/// <summary>Reads the small languages inside cells: port numbers, ranges, port lists and transport lists.</summary>
internal static class PortText
{
    public const int MaxPort = 65535;

    /// <summary>The result of reading a port or range such as <c>22</c> or <c>6000-6063</c>.</summary>
    public enum PortParse
    {
        Ok,
        NotAPort,
        OutOfRange,
        ReversedRange,
    }

    /// <summary>Reads <c>N</c> or <c>N-M</c> (whitespace allowed around the dash; en and em dashes too).</summary>
    public static PortParse ParsePortOrRange(string text, out int first, out int last, out string offending)
    {
        first = last = 0;
        offending = text.Trim();
        var pos = 0;
        SkipSpaces(text, ref pos);
        if (!TryReadNumber(text, ref pos, out var a, out var aText))
        {
            return PortParse.NotAPort;
        }

        SkipSpaces(text, ref pos);
        long b = a;
        var bText = aText;
        if (pos < text.Length && IsDash(text[pos]))
        {
            pos++;
            SkipSpaces(text, ref pos);
            if (!TryReadNumber(text, ref pos, out b, out bText))
            {
                return PortParse.NotAPort;
            }

            SkipSpaces(text, ref pos);
        }

        if (pos != text.Length)
        {
            return PortParse.NotAPort;
        }

        if (a > MaxPort)
        {
            offending = aText;
            return PortParse.OutOfRange;
        }

        if (b > MaxPort)
        {
            offending = bText;
            return PortParse.OutOfRange;
        }

        if (b < a)
        {
            return PortParse.ReversedRange;
        }

        first = (int)a;
        last = (int)b;
        return PortParse.Ok;
    }

    /// <summary>A port or range from a list cell, with the transports the cell names for it.</summary>
    public readonly record struct PortItem(int First, int Last, TransportSet Transports);

    /// <summary>A port or range of a list cell that cannot be used: outside 0-65535, or a range that ends before it starts.</summary>
    public readonly record struct BadPort(string Text, PortParse Problem);

    /// <summary>
    /// Reads a Markdown port cell: ports and ranges separated by commas, semicolons, slashes or the words
    /// "and"/"or", each optionally qualified by transports (<c>1433 (TCP), 1434/udp</c>, <c>53 TCP/UDP</c>).
    /// A transport word applies to the ports written before it since the previous transport word; a cell that
    /// starts with transports (<c>TCP 80, 443</c>) applies them to the ports that follow.
    /// Returns false when the cell holds anything else (so the column is not a port column, or the row is bad),
    /// including a signed number such as <c>+80</c>, which CSV cells reject too.
    /// </summary>
    public static bool TryParsePortList(string cell, List<PortItem> items, List<BadPort> bad)
    {
        items.Clear();
        bad.Clear();
        var pending = new List<(long First, long Last, string Text)>();
        var leading = TransportSet.None;
        var sawNumber = false;
        var pos = 0;
        while (pos < cell.Length)
        {
            var c = cell[pos];
            if (c == '+' && pos + 1 < cell.Length && cell[pos + 1] >= '0' && cell[pos + 1] <= '9')
            {
                return false; // A sign: "+80" is no port, as in CSV.
            }

            if (char.IsWhiteSpace(c) || c is ',' or ';' or '/' or '(' or ')' or '&' or '+' or '[' or ']')
            {
                pos++;
                continue;
            }

            if (c >= '0' && c <= '9')
            {
                TryReadNumber(cell, ref pos, out var a, out var aText);
                var save = pos;
                SkipSpaces(cell, ref pos);
                if (pos < cell.Length && IsDash(cell[pos]))
                {
                    pos++;
                    SkipSpaces(cell, ref pos);
                    if (!TryReadNumber(cell, ref pos, out var b, out var bText))
                    {
                        return false;
                    }

                    pending.Add((a, b, aText + "-" + bText));
                }
                else
                {
                    pos = save;
                    pending.Add((a, a, aText));
                }

                sawNumber = true;
                continue;
            }

            if (!char.IsLetter(c))
            {
                return false;
            }

            var start = pos;
            while (pos < cell.Length && char.IsLetter(cell[pos]))
            {
                pos++;
            }

            var word = cell.Substring(start, pos - start);
            if (IsConjunction(word))
            {
                continue;
            }

            var transport = TransportOf(word);
            if (transport == TransportSet.None)
            {
                return false;
            }

            if (!sawNumber)
            {
                leading |= transport;
            }
            else
            {
                // Qualifies the ports read since the last qualifier: only those still pending.
                Flush(pending, transport, items, bad);
            }
        }

        Flush(pending, leading, items, bad);
        return sawNumber;
    }

    private static void Flush(List<(long First, long Last, string Text)> pending, TransportSet transports, List<PortItem> items, List<BadPort> bad)
    {
        // Ports already flushed with an earlier qualifier get the later one too when it follows directly
        // ("53 TCP/UDP" reads TCP then UDP for the same port).
        if (pending.Count == 0 && items.Count > 0 && transports != TransportSet.None)
        {
            var lastItem = items[items.Count - 1];
            items[items.Count - 1] = lastItem with { Transports = lastItem.Transports | transports };
            return;
        }

        foreach (var (first, last, text) in pending)
        {
            if (first > MaxPort || last > MaxPort)
            {
                var parts = text.Split('-');
                bad.Add(new BadPort(first > MaxPort ? parts[0] : parts[parts.Length - 1], PortParse.OutOfRange));
                continue;
            }

            if (last < first)
            {
                bad.Add(new BadPort(text, PortParse.ReversedRange));
                continue;
            }

            items.Add(new PortItem((int)first, (int)last, transports));
        }

        pending.Clear();
    }

    /// <summary>
    /// Reads a transport cell such as <c>tcp</c>, <c>TCP/UDP</c> or <c>tcp, udp</c>. Empty means
    /// <see cref="TransportSet.None"/>. Returns false and the first unknown word otherwise.
    /// </summary>
    public static bool TryParseTransports(string text, out TransportSet transports, out string unknown)
    {
        transports = TransportSet.None;
        unknown = string.Empty;
        var pos = 0;
        while (pos < text.Length)
        {
            var c = text[pos];
            if (char.IsWhiteSpace(c) || c is ',' or ';' or '/' or '&' or '+' or '(' or ')')
            {
                pos++;
                continue;
            }

            var start = pos;
            while (pos < text.Length && !char.IsWhiteSpace(text[pos]) && text[pos] is not (',' or ';' or '/' or '&' or '+' or '(' or ')'))
            {
                pos++;
            }

            var word = text.Substring(start, pos - start);
            if (IsConjunction(word))
            {
                continue;
            }

            var transport = TransportOf(word);
            if (transport == TransportSet.None)
            {
                unknown = word;
                return false;
            }

            transports |= transport;
        }

        return true;
    }

    public static TransportSet TransportOf(string word)
    {
        if (word.Length is < 3 or > 4)
        {
            return TransportSet.None;
        }

        return word.ToUpperInvariant() switch
        {
            "TCP" => TransportSet.Tcp,
            "UDP" => TransportSet.Udp,
            "SCTP" => TransportSet.Sctp,
            "DCCP" => TransportSet.Dccp,
            _ => TransportSet.None,
        };
    }

    private static bool IsConjunction(string word)
        => word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase);

    private static bool IsDash(char c) => c is '-' or '\u2013' or '\u2014';

    private static void SkipSpaces(string text, ref int pos)
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }
    }

    // Reads ASCII digits; saturates instead of overflowing so "99999999999" reads as out of range.
    private static bool TryReadNumber(string text, ref int pos, out long value, out string digits)
    {
        var start = pos;
        value = 0;
        while (pos < text.Length && text[pos] >= '0' && text[pos] <= '9')
        {
            if (value <= int.MaxValue)
            {
                value = (value * 10) + (text[pos] - '0');
            }

            pos++;
        }

        digits = text.Substring(start, pos - start);
        return pos > start;
    }
}
