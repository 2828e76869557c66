using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PortCatalog.Analyzers.Contexts;
using PortCatalog.Analyzers.Tests.Infrastructure;

namespace PortCatalog.Analyzers.Tests;

/// <summary>
/// LiteralFinder finds literals from a file's text instead of walking its syntax tree; these tests hold it to exactly
/// what a full token walk finds, on real, random and broken code and at the edges of the text.
/// </summary>
public sealed class LiteralFinderTests
{
    public static TheoryData<string> Corpora => new() { "repository", "random", "broken" };

    [Theory]
    [MemberData(nameof(Corpora))]
    public void FindsExactlyTheNumericLiteralsATokenWalkFinds(string corpus)
    {
        var checkedLiterals = 0;
        foreach (var (name, text) in Files(corpus))
        {
            var tree = CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions);
            var expected = tree.GetRoot().DescendantTokens()
                .Where(token => token.IsKind(SyntaxKind.NumericLiteralToken) && token.Parent is LiteralExpressionSyntax)
                .Select(token => token.Parent!)
                .ToArray();
            var actual = LiteralFinder.NumericLiterals(tree, CancellationToken.None).ToArray();
            Assert.True(expected.SequenceEqual(actual),
                $"{name}: a token walk finds {expected.Length} numeric literals, LiteralFinder {actual.Length}; first difference at " +
                FirstDifference(expected, actual));
            checkedLiterals += expected.Length;
        }

        Assert.True(checkedLiterals > 100, $"The {corpus} corpus held only {checkedLiterals} numeric literals; the comparison proves little.");
    }

    [Theory]
    [MemberData(nameof(Corpora))]
    public void FindsExactlyTheUrlStringsATokenWalkFinds(string corpus)
    {
        var checkedStrings = 0;
        foreach (var (name, text) in Files(corpus))
        {
            var tree = CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions);
            var expected = tree.GetRoot().DescendantTokens()
                .Where(token => (token.Parent is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)) ||
                                token.Parent is InterpolatedStringTextSyntax)
                .Where(token => token.Text.Contains("://", StringComparison.Ordinal))
                .ToArray();
            var actual = LiteralFinder.StringsWithSchemeSeparator(tree, CancellationToken.None).ToArray();
            Assert.True(expected.SequenceEqual(actual),
                $"{name}: a token walk finds {expected.Length} URL strings, LiteralFinder {actual.Length}: " +
                $"[{string.Join(", ", expected.Select(t => t.Text))}] vs [{string.Join(", ", actual.Select(t => t.Text))}]");
            checkedStrings += expected.Length;
        }

        Assert.True(corpus == "repository" || checkedStrings > 20, $"The {corpus} corpus held only {checkedStrings} URL strings.");
    }

    [Fact]
    public void SkipsDigitsThatAreNoNumericLiteral()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            22;
            #pragma warning disable 219
            // port 443 in a comment
            /* 8080 */
            #if NEVER
            var disabled = 5432;
            #endif
            class Service22
            {
                int _2 = 0x16 + 1_000 + 22L + 3.5e2 is > 0 ? 7 : 8;
                string S = "port 80", T = $"{25}:{x1}", U = @"443";
                char C = '9';
            }
            """, TestCompilation.ParseOptions);

        var found = LiteralFinder.NumericLiterals(tree, CancellationToken.None).Select(literal => literal.Token.Text).ToArray();

        Assert.Equal(["22", "0x16", "1_000", "22L", "3.5e2", "0", "7", "8", "25"], found);
    }

    [Theory]
    [InlineData("22")]
    [InlineData("class C { int port = 22")]
    [InlineData("class C { int port =\n22")]
    public void FindsLiteralsAtTheEdgesOfTheText(string text)
    {
        var tree = CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions);

        var literal = Assert.Single(LiteralFinder.NumericLiterals(tree, CancellationToken.None));

        Assert.Equal(text.Length - 2, literal.SpanStart);
    }

    [Fact]
    public void StopsWhenCancelled()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { int port = 22; }", TestCompilation.ParseOptions);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => LiteralFinder.NumericLiterals(tree, cancelled.Token).ToArray());
    }

    private static IEnumerable<(string Name, string Text)> Files(string corpus)
    {
        switch (corpus)
        {
            case "repository":
                return Directory.EnumerateFiles(TestPaths.RepoRoot, "*.cs", SearchOption.AllDirectories)
                    .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git"))
                    .Select(path => (path, File.ReadAllText(path)));
            case "random":
                return Enumerable.Range(0, 100).Select(i => ($"random file {i}", new RandomPortCode(seed: 7000 + i).File(i)));
            default:
                var random = new Random(7);
                return Enumerable.Range(0, 100).Select(i =>
                {
                    var text = new RandomPortCode(seed: 8000 + i).File(i);
                    return ($"truncated random file {i}", text.Substring(0, random.Next(text.Length)));
                });
        }
    }

    private static string FirstDifference(IReadOnlyList<SyntaxNode> expected, IReadOnlyList<SyntaxNode> actual)
    {
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : null;
            var a = i < actual.Count ? actual[i] : null;
            if (e != a)
            {
                return $"index {i}: expected '{e}' at {e?.GetLocation().GetLineSpan().StartLinePosition}, found '{a}' at {a?.GetLocation().GetLineSpan().StartLinePosition}";
            }
        }

        return "(none)";
    }
}
