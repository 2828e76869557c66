using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace PortCatalog.Generator.Naming;

/// <summary>
/// The naming rule: service names become PascalCase C# identifiers (see docs/generator.md).
/// Identifiers use only letters, decimal digits and underscores, so two names that differ as strings
/// also differ to the compiler (no formatting or combining characters).
/// </summary>
internal static class IdentifierRules
{
    /// <summary>
    /// The longest identifier the generator writes, in UTF-8 bytes. Metadata allows 1,023 (CS7013); this leaves room
    /// for the <c>Range</c> suffix and a collision suffix such as <c>_65535_12</c>.
    /// </summary>
    public const int MaxIdentifierBytes = 480;

    /// <summary>The longest namespace the generator writes, in UTF-8 bytes (metadata allows 1,023).</summary>
    public const int MaxNamespaceBytes = 1000;

    // Contextual keywords of C# versions newer than the Roslyn the generator is compiled against (4.5.0); as type
    // names they break or warn in the consumer's compiler, which may be newer.
    private static readonly string[] s_newerContextualKeywords = { "required", "scoped", "file", "extension", "field", "allows", "record", "nameof" };

    /// <summary>
    /// <c>ssh</c> → <c>Ssh</c>, <c>http-alt</c> → <c>HttpAlt</c>, <c>SQL Server</c> → <c>SqlServer</c>,
    /// <c>NetBIOS</c> → <c>NetBios</c>, <c>HTTPServer</c> → <c>HttpServer</c>, <c>3com-tsmux</c> → <c>_3comTsmux</c>.
    /// Words are split at every character that is not a letter or digit; a word's first letter is upper-cased; inside
    /// a word, a capital that follows a capital is lower-cased unless it starts a capitalized word (a capital
    /// followed by two lower-case letters, as the S of <c>HTTPServer</c>). A leading digit gets an underscore
    /// prefix. The result is cut to <see cref="MaxIdentifierBytes"/>. Returns an empty string when the name holds
    /// no letter or digit.
    /// </summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        var i = 0;
        while (i < name.Length)
        {
            if (!IsWordChar(name[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < name.Length && IsWordChar(name[i]))
            {
                i++;
            }

            builder.Append(char.ToUpperInvariant(name[start]));
            for (var j = start + 1; j < i; j++)
            {
                var c = name[j];
                var afterCapital = char.IsUpper(name[j - 1]);
                var startsWord = j + 2 < i && char.IsLower(name[j + 1]) && char.IsLower(name[j + 2]);
                builder.Append(char.IsUpper(c) && afterCapital && !startsWord ? char.ToLowerInvariant(c) : c);
            }
        }

        if (builder.Length > 0 && char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return Truncate(builder.ToString(), MaxIdentifierBytes);
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="maxBytes"/> UTF-8 bytes, never inside a character.</summary>
    public static string Truncate(string text, int maxBytes)
    {
        if (text.Length * 3 <= maxBytes || Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var bytes = 0;
        var end = 0;
        for (; end < text.Length; end++)
        {
            var size = text[end] < 0x80 ? 1 : text[end] < 0x800 ? 2 : 3;
            if (bytes + size > maxBytes)
            {
                break;
            }

            bytes += size;
        }

        return text.Substring(0, end);
    }

    /// <summary>True when <paramref name="identifier"/> can name a member as written (keywords are escaped later).</summary>
    public static bool IsValidIdentifier(string identifier)
    {
        if (identifier.Length == 0 || char.IsDigit(identifier[0]) || Encoding.UTF8.GetByteCount(identifier) > MaxIdentifierBytes)
        {
            return false;
        }

        foreach (var c in identifier)
        {
            if (c != '_' && !IsWordChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Why <paramref name="className"/> cannot name a catalog class in namespace <paramref name="ns"/>, or null when it
    /// can. Besides valid identifiers, a class name must not be a keyword or contextual keyword (<c>record</c>,
    /// <c>required</c>, <c>file</c>, ...), must not be all lower-case ASCII letters (CS8981), must not be a member
    /// name of the class itself, and must not shadow a type the generated code refers to (<c>PortCatalog.PortInfo</c>).
    /// </summary>
    public static string? ClassNameProblem(string className, string ns)
    {
        if (!IsValidIdentifier(className))
        {
            return "is not a valid C# class name";
        }

        if (IsKeyword(className) || IsContextualKeyword(className))
        {
            return "is a C# keyword";
        }

        if (IsLowerCaseAscii(className))
        {
            return "has only lower-case letters, which C# reserves for future keywords (CS8981)";
        }

        if (MemberNames.IsMemberName(className))
        {
            return "is the name of a member of every catalog class";
        }

        if (MemberNames.ShadowsReferencedType(ns, className))
        {
            return "would hide the library's type " + ns + "." + className;
        }

        return null;
    }

    /// <summary>True for a dotted namespace name such as <c>MyCompany.Networking</c>.</summary>
    public static bool IsValidNamespace(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) > MaxNamespaceBytes)
        {
            return false;
        }

        foreach (var part in name.Split('.'))
        {
            if (!IsValidIdentifier(part) || IsKeyword(part) || IsContextualKeyword(part))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The identifier as it is written in code: reserved keywords get a verbatim <c>@</c>.</summary>
    public static string Escape(string identifier) => IsKeyword(identifier) ? "@" + identifier : identifier;

    public static bool IsKeyword(string identifier) => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None;

    public static bool IsContextualKeyword(string identifier)
        => SyntaxFacts.GetContextualKeywordKind(identifier) != SyntaxKind.None || System.Array.IndexOf(s_newerContextualKeywords, identifier) >= 0;

    private static bool IsLowerCaseAscii(string name)
    {
        foreach (var c in name)
        {
            if (c < 'a' || c > 'z')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWordChar(char c)
    {
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
                return true;
            default:
                return false;
        }
    }
}
