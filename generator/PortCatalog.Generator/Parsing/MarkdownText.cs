using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PortCatalog.Generator.Text;

namespace PortCatalog.Generator.Parsing;

/// <summary>
/// Turns the Markdown and inline HTML of a table cell into plain text. Every step is linear in the cell's length:
/// the patterns cannot scan past the next opening bracket, parenthesis or angle bracket (so a cell of thousands of
/// unclosed <c>[</c> or <c>&lt;http:</c> costs no more than its length), and single emphasis is matched by a scan,
/// not by a backtracking pattern.
/// </summary>
internal static class MarkdownText
{
    private static readonly Regex s_lineBreak = new(@"<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex s_image = new(@"!\[([^\[\]]*)\]\([^()]*\)", RegexOptions.CultureInvariant);
    private static readonly Regex s_link = new(@"\[([^\[\]]*)\]\([^()]*\)", RegexOptions.CultureInvariant);
    private static readonly Regex s_referenceLink = new(@"\[([^\[\]]+)\]\[[^\[\]]*\]", RegexOptions.CultureInvariant);
    private static readonly Regex s_autoLink = new(@"<((?:https?|ftp|mailto):[^<>\s]*)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex s_tag = new(@"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", RegexOptions.CultureInvariant);
    private static readonly Regex s_emphasis = new(@"(\*\*|__|~~|`+)", RegexOptions.CultureInvariant);
    private static readonly Regex s_entity = new(@"&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});", RegexOptions.CultureInvariant);
    private static readonly Regex s_escape = new(@"\\([!-/:-@\[-`{-~])", RegexOptions.CultureInvariant);

    public static string ToPlainText(string cell)
    {
        if (cell.IndexOfAny(new[] { '<', '[', '*', '_', '`', '&', '\\', '~' }) < 0)
        {
            return Whitespace.Collapse(cell);
        }

        var text = s_lineBreak.Replace(cell, " ");
        text = s_image.Replace(text, "$1");
        text = s_link.Replace(text, "$1");
        text = s_referenceLink.Replace(text, "$1");
        text = s_autoLink.Replace(text, "$1");
        text = s_tag.Replace(text, " ");
        text = s_emphasis.Replace(text, string.Empty);
        text = RemoveSingleEmphasis(text);
        text = s_entity.Replace(text, DecodeEntity);
        text = s_escape.Replace(text, "$1");
        return Whitespace.Collapse(text);
    }

    /// <summary>
    /// Drops the delimiters of <c>*single*</c> and <c>_single_</c> emphasis: an opening <c>*</c> or <c>_</c> not
    /// preceded by a word character or <c>*</c> and followed by a non-space, closed by the nearest same character
    /// preceded by a non-space and not followed by a word character or <c>*</c>. One backward pass finds the nearest
    /// closer after every position, one forward pass pairs them: linear, whatever the cell holds.
    /// </summary>
    private static string RemoveSingleEmphasis(string text)
    {
        if (text.IndexOf('*') < 0 && text.IndexOf('_') < 0)
        {
            return text;
        }

        var nextStarCloser = new int[text.Length + 1];
        var nextUnderscoreCloser = new int[text.Length + 1];
        nextStarCloser[text.Length] = nextUnderscoreCloser[text.Length] = -1;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            nextStarCloser[i] = text[i] == '*' && IsCloser(text, i) ? i : nextStarCloser[i + 1];
            nextUnderscoreCloser[i] = text[i] == '_' && IsCloser(text, i) ? i : nextUnderscoreCloser[i + 1];
        }

        var builder = new StringBuilder(text.Length);
        var skip = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (i == skip)
            {
                continue;
            }

            var c = text[i];
            if ((c == '*' || c == '_') && IsOpener(text, i) && skip < i)
            {
                // The closer must leave at least one character between the delimiters.
                var from = i + 2;
                var closer = from <= text.Length ? (c == '*' ? nextStarCloser : nextUnderscoreCloser)[from] : -1;
                if (closer > i + 1)
                {
                    skip = closer;
                    continue;
                }
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool IsOpener(string text, int i)
        => (i == 0 || !(IsWord(text[i - 1]) || text[i - 1] == '*')) && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);

    private static bool IsCloser(string text, int i)
        => i > 0 && !char.IsWhiteSpace(text[i - 1]) && (i + 1 == text.Length || !(IsWord(text[i + 1]) || text[i + 1] == '*'));

    private static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static string DecodeEntity(Match match)
    {
        var name = match.Groups[1].Value;
        if (name[0] == '#')
        {
            var isHex = name.Length > 1 && (name[1] == 'x' || name[1] == 'X');
            var digits = isHex ? name.Substring(2) : name.Substring(1);
            if (int.TryParse(digits, isHex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                && code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
            {
                return char.ConvertFromUtf32(code);
            }

            return match.Value;
        }

        return name switch
        {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            "nbsp" => " ",
            "ndash" => "\u2013",
            "mdash" => "\u2014",
            _ => match.Value,
        };
    }
}
