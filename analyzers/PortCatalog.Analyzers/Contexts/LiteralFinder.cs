using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PortCatalog.Analyzers.Contexts;

/// <summary>
/// Finds the literals the analyzers look at by reading a file's text, then asking the syntax tree only about the
/// places the text points to.
/// <para>
/// Walking every token of every file (what a syntax-node action makes the analyzer driver do, and what
/// <c>DescendantTokens</c> does) realizes the whole red tree: on the 100,000-line benchmark it was about 0.5–1 s of
/// the compiler's time, more than the analysis itself. A file's text is searched in a few milliseconds, and
/// <see cref="SyntaxNode.FindToken(int, bool)"/> descends to one position without touching the rest of the tree.
/// </para>
/// </summary>
internal static class LiteralFinder
{
    private static readonly char[] s_digits = { '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' };

    /// <summary>
    /// The numeric literal expressions of <paramref name="tree"/>, in source order: each ASCII digit that does not
    /// continue a word or number is a candidate, and the token found there decides. Digits inside comments, strings
    /// and disabled code belong to trivia or to another token and are dropped.
    /// </summary>
    public static IEnumerable<LiteralExpressionSyntax> NumericLiterals(SyntaxTree tree, CancellationToken cancellationToken)
    {
        // For a file parsed from a string (csc reads files below ~40,000 characters that way) this is that string, not a copy.
        var source = tree.GetText(cancellationToken).ToString();
        var root = tree.GetRoot(cancellationToken);
        var position = 0;
        while ((position = source.IndexOfAny(s_digits, position)) >= 0)
        {
            if (position == 0 || !ContinuesWordOrNumber(source[position - 1]))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var token = root.FindToken(position);
                if (token.SpanStart == position && token.IsKind(SyntaxKind.NumericLiteralToken) && token.Parent is LiteralExpressionSyntax literal)
                {
                    yield return literal;
                }
            }

            // The rest of this word or number (1_000, 0x1F, 22UL, Service22) starts no literal.
            position++;
            while (position < source.Length && ContinuesWordOrNumber(source[position]))
            {
                position++;
            }
        }
    }

    /// <summary>
    /// The string tokens of <paramref name="tree"/> that contain <c>://</c>, in source order: regular, verbatim and raw
    /// string literals and the text parts of interpolated strings.
    /// </summary>
    public static IEnumerable<SyntaxToken> StringsWithSchemeSeparator(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken);
        var source = text.ToString();
        var root = tree.GetRoot(cancellationToken);
        var searchFrom = 0;
        int found;
        while ((found = source.IndexOf("://", searchFrom, System.StringComparison.Ordinal)) >= 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var token = root.FindToken(found);
            var isString = token.Span.Contains(found) &&
                           ((token.Parent is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)) ||
                            token.Parent is InterpolatedStringTextSyntax);
            if (isString)
            {
                yield return token;
            }

            // The next search starts after this token, so a token with several URLs is returned once.
            searchFrom = isString ? token.Span.End : found + 3;
        }
    }

    // A digit after a letter, digit or underscore is inside an identifier (Service22) or a longer number (1_000, 0x22).
    private static bool ContinuesWordOrNumber(char previous) =>
        previous == '_' || char.IsLetterOrDigit(previous);
}
