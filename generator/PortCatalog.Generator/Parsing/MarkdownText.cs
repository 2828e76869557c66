using System.Globalization;
using System.Text.RegularExpressions;

namespace PortCatalog.Generator.Parsing;

/// <summary>Turns the Markdown and inline HTML of a table cell into plain text.</summary>
internal static class MarkdownText
{
    private static readonly Regex s_lineBreak = new(@"<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex s_image = new(@"!\[([^\]]*)\]\([^)]*\)", RegexOptions.CultureInvariant);
    private static readonly Regex s_link = new(@"\[([^\]]*)\]\([^)]*\)", RegexOptions.CultureInvariant);
    private static readonly Regex s_referenceLink = new(@"\[([^\]]+)\]\[[^\]]*\]", RegexOptions.CultureInvariant);
    private static readonly Regex s_autoLink = new(@"<((?:https?|ftp|mailto):[^>\s]*)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex s_tag = new(@"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", RegexOptions.CultureInvariant);
    private static readonly Regex s_emphasis = new(@"(\*\*|__|~~|`+)", RegexOptions.CultureInvariant);
    private static readonly Regex s_singleEmphasis = new(@"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])", RegexOptions.CultureInvariant);
    private static readonly Regex s_entity = new(@"&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});", RegexOptions.CultureInvariant);
    private static readonly Regex s_escape = new(@"\\([!-/:-@\[-`{-~])", RegexOptions.CultureInvariant);

    public static string ToPlainText(string cell)
    {
        if (cell.IndexOfAny(new[] { '<', '[', '*', '_', '`', '&', '\\', '~' }) < 0)
        {
            return PortText.CollapseWhitespace(cell);
        }

        var text = s_lineBreak.Replace(cell, " ");
        text = s_image.Replace(text, "$1");
        text = s_link.Replace(text, "$1");
        text = s_referenceLink.Replace(text, "$1");
        text = s_autoLink.Replace(text, "$1");
        text = s_tag.Replace(text, " ");
        text = s_emphasis.Replace(text, string.Empty);
        text = s_singleEmphasis.Replace(text, "$1");
        text = s_entity.Replace(text, DecodeEntity);
        text = s_escape.Replace(text, "$1");
        return PortText.CollapseWhitespace(text);
    }

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
