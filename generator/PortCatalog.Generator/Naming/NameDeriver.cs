using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace PortCatalog.Generator.Naming;

/// <summary>
/// Chooses the name of a row from the human text of a Markdown table (see docs/generator.md, "Names from
/// documents"): an acronym beats a sentence, words that only say "protocol" or "service" are not a name, and every
/// other name the row gives stays findable as one of its <see cref="NamedRow.OtherNames"/>.
/// </summary>
internal static class NameDeriver
{
    public const int MaxLeadingWords = 4;

    /// <summary>A cell of this many words or more is a sentence: an acronym the row gives beats it.</summary>
    public const int SentenceWords = 3;

    // Parentheses holding no other parentheses, at most 16 characters: only such a group can be an acronym, and the
    // pattern cannot scan past the next parenthesis (linear on any cell).
    private static readonly Regex s_parenthesized = new(@"\(([^()]{2,16})\)", RegexOptions.CultureInvariant);
    private static readonly char[] s_wordBreaks = { ':', '(', ',', ';', '.', '\u2013', '\u2014', '[', '|' };

    // Words that say what kind of thing a name is, in the languages port tables are written in; "Protokol NetBIOS"
    // names NetBIOS.
    private static readonly HashSet<string> s_genericWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "protocol", "protocols", "protokol", "protokoll", "protocole", "protocolo", "protocollo", "protokół", "protocolos",
        "service", "services", "servicio", "servicios", "serviço", "servizio", "dienst", "dienste", "layanan",
        "port", "ports", "porta", "puerto", "anschluss",
    };

    // Words of a description that tell two entries of one service apart (FTP data, SNMP trap).
    private static readonly Dictionary<string, string> s_qualifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["data"] = "Data",
        ["trap"] = "Trap",
        ["traps"] = "Trap",
    };

    /// <summary>A name chosen for a row, and the other names the row gives.</summary>
    public readonly record struct NamedRow(string Name, string[] OtherNames);

    /// <summary>
    /// The name of a row with only a description (two-column tables): the first parenthesized acronym
    /// (<c>File Transfer Protocol (FTP)</c> gives <c>FTP</c>), else the leading words up to the first punctuation,
    /// at most <see cref="MaxLeadingWords"/>.
    /// </summary>
    public static string Derive(string description) => FirstAcronym(description) ?? LeadingWords(description);

    /// <summary>
    /// The name of a row with a service cell: an acronym in parentheses in the cell (<c>Remote Desktop Protocol (RDP)</c>);
    /// else the one acronym left when words such as "protocol" are dropped (<c>Protokol NetBIOS</c>); else, for a
    /// sentence of <see cref="SentenceWords"/> words or more, an acronym in parentheses in the description; else
    /// the cell. The cell and the description's acronym stay other names of the row.
    /// </summary>
    public static NamedRow FromServiceCell(string cell, string description)
    {
        var others = new List<string>(2);
        var descriptionAcronym = FirstAcronym(description);
        var name = FirstAcronym(cell) ?? SingleAcronymWord(cell);
        if (name is null && descriptionAcronym is not null && WordCount(cell) >= SentenceWords)
        {
            name = descriptionAcronym;
        }

        if (name is null)
        {
            name = cell;
        }
        else
        {
            others.Add(cell);
        }

        if (descriptionAcronym is not null && !string.Equals(descriptionAcronym, name, StringComparison.OrdinalIgnoreCase))
        {
            others.Add(descriptionAcronym);
        }

        return new NamedRow(name, others.ToArray());
    }

    /// <summary>Whether a name is an acronym: one word of letters and digits with at least two capitals, no more lower-case letters than capitals.</summary>
    public static bool IsAcronym(string text)
    {
        if (text.Length < 2 || !char.IsLetter(text[0]))
        {
            return false;
        }

        int upper = 0, lower = 0;
        foreach (var c in text)
        {
            if (char.IsUpper(c))
            {
                upper++;
            }
            else if (char.IsLower(c))
            {
                lower++;
            }
            else if (!char.IsDigit(c) && c is not ('-' or '+' or '.' or '/'))
            {
                return false;
            }
        }

        return upper >= 2 && lower <= upper && !IsTransportList(text);
    }

    /// <summary>Whether a name is a sentence (<see cref="SentenceWords"/> words or more).</summary>
    public static bool IsSentence(string name) => WordCount(name) >= SentenceWords;

    /// <summary>
    /// The qualifier a description gives right after the service's name, such as <c>Data</c> for
    /// "File Transfer Protocol (FTP) data channel" or <c>Trap</c> for "SNMP traps", or null. Used only to tell apart
    /// entries that would otherwise get one name.
    /// </summary>
    public static string? Qualifier(string name, string description)
    {
        if (name.Length == 0)
        {
            return null;
        }

        for (var at = description.IndexOf(name, StringComparison.OrdinalIgnoreCase); at >= 0; at = description.IndexOf(name, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + name.Length;
            if ((at > 0 && char.IsLetterOrDigit(description[at - 1])) || (end < description.Length && char.IsLetterOrDigit(description[end])))
            {
                continue; // Not the whole word.
            }

            while (end < description.Length && (description[end] == ')' || char.IsWhiteSpace(description[end])))
            {
                end++;
            }

            var start = end;
            while (end < description.Length && char.IsLetter(description[end]))
            {
                end++;
            }

            if (end > start && s_qualifiers.TryGetValue(description.Substring(start, end - start), out var qualifier))
            {
                return qualifier;
            }
        }

        return null;
    }

    private static string? FirstAcronym(string text)
    {
        if (text.IndexOf('(') < 0)
        {
            return null;
        }

        foreach (Match match in s_parenthesized.Matches(text))
        {
            var candidate = match.Groups[1].Value.Trim();
            if (IsAcronym(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? SingleAcronymWord(string cell)
    {
        var words = cell.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return null;
        }

        string? found = null;
        foreach (var word in words)
        {
            if (s_genericWords.Contains(word))
            {
                continue;
            }

            if (found is not null || !IsAcronym(word))
            {
                return null;
            }

            found = word;
        }

        return found;
    }

    // "TCP/UDP" in parentheses says how, not what.
    private static bool IsTransportList(string text)
    {
        foreach (var word in text.Split('/', '+', '-', '.'))
        {
            if (Array.IndexOf(s_transports, word.ToUpperInvariant()) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static readonly string[] s_transports = { "TCP", "UDP", "SCTP", "DCCP" };

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static string LeadingWords(string description)
    {
        var end = description.IndexOfAny(s_wordBreaks);
        var head = end < 0 ? description : description.Substring(0, end);
        var dash = head.IndexOf(" - ", StringComparison.Ordinal);
        if (dash >= 0)
        {
            head = head.Substring(0, dash);
        }

        var words = head.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" ", words, 0, Math.Min(words.Length, MaxLeadingWords));
    }
}
