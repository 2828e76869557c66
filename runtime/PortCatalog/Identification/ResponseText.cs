using System;
using System.Globalization;
using System.Text;

namespace PortCatalog.Identification;

/// <summary>Turns an answer's bytes into text the patterns read (one character per byte) and into a printable excerpt.</summary>
internal static class ResponseText
{
    /// <summary>Each byte as the character with the same code (ISO-8859-1), so patterns can name any byte as <c>\xNN</c>.</summary>
    public static string Latin1(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = (char)bytes[i];
        }

        return new string(chars);
    }

    /// <summary>
    /// The start of <paramref name="answer"/> (as from <see cref="Latin1"/>), printable: ASCII as is, CR LF TAB as
    /// <c>\r</c> <c>\n</c> <c>\t</c>, a backslash doubled, other bytes as <c>\xNN</c>; cut at <paramref name="maxLength"/>
    /// characters, ending in <c>...</c> when cut.
    /// </summary>
    public static string Excerpt(string answer, int maxLength = ServiceIdentity.MaxExcerptLength)
    {
        var text = new StringBuilder();
        var cut = -1;
        foreach (var c in answer)
        {
            var piece = c switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                '\\' => "\\\\",
                >= ' ' and <= '~' => c.ToString(),
                _ => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
            };
            if (cut < 0 && text.Length + piece.Length > maxLength - 3)
            {
                cut = text.Length; // where "..." goes if the whole does not fit
            }

            if (text.Length + piece.Length > maxLength)
            {
                return text.Remove(cut, text.Length - cut).Append("...").ToString();
            }

            text.Append(piece);
        }

        return text.ToString();
    }
}
