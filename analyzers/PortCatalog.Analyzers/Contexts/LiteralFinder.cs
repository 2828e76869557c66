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
    /// <summary>
    /// The numeric literal expressions of <paramref name="tree"/>, in source order: each ASCII digit that does not
    /// continue a word or number is a candidate, and the token found there decides. Digits inside comments, strings
    /// and disabled code belong to trivia or to another token and are dropped.
    /// <para>
    /// The text is read with a plain loop: <c>string.IndexOfAny</c> with ten characters sets its searcher up again on
    /// every call, one call per digit found. A digit right after a single <c>.</c> is not looked up: it never starts a
    /// literal (<c>.5</c> and <c>1.5</c> start elsewhere, <c>"127.0.0.1"</c> is a string); after <c>..</c> it does
    /// (<c>s[2..^1]</c>). Each lookup starts from the node around the previous token, widened until it
    /// holds the position, rather than from the root: consecutive digits are mostly in the same member, so the descent
    /// stays short. In a traced csc on the 100,000-line benchmark these two were two thirds of the analyzers' samples.
    /// </para>
    /// </summary>
    public static IEnumerable<LiteralExpressionSyntax> NumericLiterals(SyntaxTree tree, CancellationToken cancellationToken)
    {
        // For a file parsed from a string (csc reads files below ~40,000 characters that way) this is that string, not a copy.
        var source = tree.GetText(cancellationToken).ToString();
        var root = tree.GetRoot(cancellationToken);
        var scope = root;
        for (var position = NextCandidate(source, 0); position >= 0; position = NextCandidate(source, position + 1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            while (!scope.FullSpan.Contains(position) && scope.Parent is { } parent)
            {
                scope = parent;
            }

            var token = scope.FindToken(position);
            scope = token.Parent ?? root;
            if (token.SpanStart == position && token.IsKind(SyntaxKind.NumericLiteralToken) && token.Parent is LiteralExpressionSyntax literal)
            {
                yield return literal;
            }
        }
    }

    // The next digit from `start` on that can start a literal. Not inside the iterator: an iterator's locals are fields
    // of its state object, and this loop runs over every character of the file.
    private static int NextCandidate(string source, int start)
    {
        for (var position = start; position < source.Length; position++)
        {
            if (source[position] is >= '0' and <= '9')
            {
                var previous = position > 0 ? source[position - 1] : '\0';
                if (!ContinuesWordOrNumber(previous) && (previous != '.' || (position > 1 && source[position - 2] == '.')))
                {
                    return position;
                }
            }
        }

        return -1;
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
        previous is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' || (previous > '\x7f' && char.IsLetterOrDigit(previous));
}
