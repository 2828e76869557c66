using System.Text.RegularExpressions;

namespace PortCatalog.Generator.Parsing;

/// <summary>
/// Derives a service name from a description, for tables that have none (two-column Markdown tables):
/// an acronym in parentheses (<c>File Transfer Protocol (FTP)</c> gives <c>FTP</c>), else the leading words
/// up to the first punctuation, at most <see cref="MaxLeadingWords"/> of them.
/// </summary>
internal static class NameDeriver
{
    public const int MaxLeadingWords = 4;

    private static readonly Regex s_parenthesized = new(@"\(([^()]{2,16})\)", RegexOptions.CultureInvariant);
    private static readonly char[] s_wordBreaks = { ':', '(', ',', ';', '.', '\u2013', '\u2014', '[', '|' };

    public static string Derive(string description)
    {
        foreach (Match match in s_parenthesized.Matches(description))
        {
            var candidate = match.Groups[1].Value.Trim();
            if (IsAcronym(candidate))
            {
                return candidate;
            }
        }

        return LeadingWords(description);
    }

    // An acronym starts with a letter, has at least two capitals, no more lower-case than upper-case letters,
    // and is not just a transport list such as "TCP/UDP".
    private static bool IsAcronym(string text)
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
            else if (!char.IsDigit(c) && c is not ('-' or '+' or '.' or '/' or ' '))
            {
                return false;
            }
        }

        return upper >= 2 && lower <= upper && !PortText.TryParseTransports(text, out _, out _);
    }

    private static string LeadingWords(string description)
    {
        var end = description.IndexOfAny(s_wordBreaks);
        var head = end < 0 ? description : description.Substring(0, end);
        var dash = head.IndexOf(" - ", System.StringComparison.Ordinal);
        if (dash >= 0)
        {
            head = head.Substring(0, dash);
        }

        var words = head.Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" ", words, 0, System.Math.Min(words.Length, MaxLeadingWords));
    }
}
