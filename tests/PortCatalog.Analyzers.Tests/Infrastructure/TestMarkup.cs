using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace PortCatalog.Analyzers.Tests.Infrastructure;

/// <summary>An expected diagnostic: its id and the span of source it covers.</summary>
internal readonly record struct ExpectedSpan(string Id, TextSpan Span);

/// <summary>
/// Test-source markup: <c>[|22|]</c> expects the test's default rule on <c>22</c>; <c>{|PORT002:7777|}</c> names the
/// rule. Markers do not nest. <see cref="Parse"/> returns the source without markers and the expected spans.
/// </summary>
internal static class TestMarkup
{
    public static (string Source, IReadOnlyList<ExpectedSpan> Expected) Parse(string markup, string defaultId)
    {
        var source = new StringBuilder(markup.Length);
        var expected = new List<ExpectedSpan>();
        var i = 0;
        while (i < markup.Length)
        {
            if (string.CompareOrdinal(markup, i, "[|", 0, 2) == 0)
            {
                var end = markup.IndexOf("|]", i + 2, StringComparison.Ordinal);
                Assert.True(end > 0, $"Unclosed [| at offset {i}.");
                var inner = markup.Substring(i + 2, end - i - 2);
                expected.Add(new ExpectedSpan(defaultId, new TextSpan(source.Length, inner.Length)));
                source.Append(inner);
                i = end + 2;
            }
            else if (string.CompareOrdinal(markup, i, "{|", 0, 2) == 0)
            {
                var colon = markup.IndexOf(':', i + 2);
                var end = markup.IndexOf("|}", i + 2, StringComparison.Ordinal);
                Assert.True(colon > 0 && end > colon, $"Malformed {{|ID:...|}} at offset {i}.");
                var inner = markup.Substring(colon + 1, end - colon - 1);
                expected.Add(new ExpectedSpan(markup.Substring(i + 2, colon - i - 2), new TextSpan(source.Length, inner.Length)));
                source.Append(inner);
                i = end + 2;
            }
            else
            {
                source.Append(markup[i]);
                i++;
            }
        }

        return (source.ToString(), expected);
    }
}
