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
    /// <c>ssh</c> → <c>Ssh</c>, <c>http-alt</c> → <c>HttpAlt</c>, <c>SQL Server</c> → <c>SqlServer</c>,
    /// <c>NetBIOS</c> → <c>NetBIOS</c>, <c>3com-tsmux</c> → <c>_3comTsmux</c>. Words are split at every
    /// character that is not a letter or digit; an all-capitals word is capitalized (<c>HTTPS</c> → <c>Https</c>),
    /// any other word keeps its inner capitals. A leading digit gets an underscore prefix. Returns an empty
    /// string when the name holds no letter or digit.
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
            var hasLower = false;
            var letters = 0;
            while (i < name.Length && IsWordChar(name[i]))
            {
                if (char.IsLetter(name[i]))
                {
                    letters++;
                    hasLower |= !char.IsUpper(name[i]);
                }

                i++;
            }

            var allCaps = letters > 1 && !hasLower;
            builder.Append(char.ToUpperInvariant(name[start]));
            for (var j = start + 1; j < i; j++)
            {
                builder.Append(allCaps ? char.ToLowerInvariant(name[j]) : name[j]);
            }
        }

        if (builder.Length > 0 && char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="identifier"/> can name a member as written (keywords are escaped later).</summary>
    public static bool IsValidIdentifier(string identifier)
    {
        if (identifier.Length == 0 || char.IsDigit(identifier[0]))
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

    /// <summary>True for a dotted namespace name such as <c>MyCompany.Networking</c>.</summary>
    public static bool IsValidNamespace(string name)
    {
        foreach (var part in name.Split('.'))
        {
            if (!IsValidIdentifier(part) || IsKeyword(part))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The identifier as it is written in code: reserved keywords get a verbatim <c>@</c>.</summary>
    public static string Escape(string identifier) => IsKeyword(identifier) ? "@" + identifier : identifier;

    public static bool IsKeyword(string identifier) => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None;

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
