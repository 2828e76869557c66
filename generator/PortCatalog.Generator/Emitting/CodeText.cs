using System.Globalization;
using System.Text;

namespace PortCatalog.Generator.Emitting;

/// <summary>
/// Writes table text into generated code safely: string literals and XML doc text are escaped so no table can
/// inject code, break a comment, or make the compiler warn (CS1570).
/// </summary>
internal static class CodeText
{
    /// <summary>
    /// A C# regular string literal. Everything outside printable ASCII is written as a <c>\uXXXX</c> escape, so
    /// the literal can hold no line break (including U+0085, U+2028, U+2029) and no lone surrogate byte.
    /// </summary>
    public static string StringLiteral(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                default:
                    if (c < 0x20 || c > 0x7E)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// Text for one line of an XML doc comment: <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> escaped; line breaks and
    /// other control characters become spaces; characters XML forbids (lone surrogates, U+FFFE, U+FFFF) become
    /// U+FFFD.
    /// </summary>
    public static string XmlDocText(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        builder.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c) || c == '\uFFFE' || c == '\uFFFF')
                    {
                        builder.Append('\uFFFD');
                    }
                    else if (c < 0x20 || c is '\u007F' or '\u0085' or '\u2028' or '\u2029' || (c >= 0x80 && c <= 0x9F))
                    {
                        builder.Append(' ');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
