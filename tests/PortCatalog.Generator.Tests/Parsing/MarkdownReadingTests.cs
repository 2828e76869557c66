using Microsoft.CodeAnalysis;
using PortCatalog.Generator.Parsing;
using PortCatalog.Generator.Tests.Infrastructure;

namespace PortCatalog.Generator.Tests;

/// <summary>How Markdown documents are read: code is never a table, cells are read as CSV cells are, in linear time.</summary>
public sealed class MarkdownReadingTests
{
    private const string PortTable = "| Port | Service | Description |\n|---|---|---|\n| 22 | ssh | Secure Shell |\n";

    [Fact]
    public void ATableInsideAFourBacktickFenceAfterAnInnerThreeBacktickLineIsCode()
    {
        var md = "````markdown\n```\n" + PortTable.Replace("22 | ssh", "23 | telnet") + "```\n````\n\n" + PortTable;
        var result = GeneratorHarness.Run(new TestTable("/t/doc.md", md));
        Assert.Contains("public const int Ssh = 22;", result.SingleSource);
        Assert.DoesNotContain("Telnet", result.SingleSource);
    }

    [Fact]
    public void ATildeFenceIsClosedOnlyByTildes()
    {
        var md = "~~~\n```\n" + PortTable.Replace("22 | ssh", "23 | telnet") + "~~~\n\n" + PortTable;
        var result = GeneratorHarness.Run(new TestTable("/t/doc.md", md));
        Assert.DoesNotContain("Telnet", result.SingleSource);
        Assert.Contains("public const int Ssh = 22;", result.SingleSource);
    }

    [Fact]
    public void ATableInAnIndentedCodeBlockIsCode()
    {
        var indented = string.Concat(PortTable.Replace("22 | ssh", "23 | telnet").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "    " + l + "\n"));
        var result = GeneratorHarness.Run(new TestTable("/t/doc.md", "Example:\n\n" + indented + "\n" + PortTable));
        Assert.DoesNotContain("Telnet", result.SingleSource);
        Assert.Contains("public const int Ssh = 22;", result.SingleSource);
    }

    [Fact]
    public void ASignedPortIsRejectedAsInCsv()
    {
        const string path = "/t/signed.md";
        var result = GeneratorHarness.Run(new TestTable(path, "| Port | Service |\n|---|---|\n| +80 | web |\n| 22 | ssh |\n"));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("PCG003", 3), (diagnostic.Id, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.DoesNotContain("Web", result.SingleSource);

        var csv = GeneratorHarness.Run(new TestTable("/t/signed.csv", "Service Name,Port Number\nweb,+80\n"));
        Assert.Equal("PCG003", csv.Diagnostics.First().Id);
    }

    [Fact]
    public void AReversedRangeIsReportedAsReversedNotAsOutOfRange()
    {
        const string path = "/t/reversed.md";
        var result = GeneratorHarness.Run(new TestTable(path, "| Port | Service |\n|---|---|\n| 10-5 | odd |\n| 22 | ssh |\n"));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PCG003", diagnostic.Id);
        Assert.Contains("'10-5' ends before it starts", diagnostic.GetMessage());
        Assert.DoesNotContain("0-65535", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData(" _a")]
    [InlineData(" *a")]
    [InlineData("[a")]
    [InlineData("[a](b")]
    [InlineData("<http:a")]
    [InlineData("![a](")]
    public async Task AdversarialCellsAreReadInLinearTime(string unit)
    {
        // 1 MB of an unclosed construct: the old backtracking patterns needed 30 s for 40 KB of " _a", and hours for
        // this. The guard only catches a hang; the work itself takes milliseconds.
        var cell = string.Concat(Enumerable.Repeat(unit, 1_000_000 / unit.Length));
        var text = await Task.Run(() => MarkdownText.ToPlainText(cell)).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.NotEmpty(text);
    }

    [Theory]
    [InlineData("*emphasis* and _more_", "emphasis and more")]
    [InlineData("snake_case_name", "snake_case_name")]
    [InlineData("2 * 3 * 4", "2 * 3 * 4")]
    [InlineData("**bold** [link](http://x) <b>tag</b>", "bold link tag")]
    [InlineData("_a _b_", "a _b")]
    public void EmphasisAndLinksBecomePlainText(string cell, string expected) => Assert.Equal(expected, MarkdownText.ToPlainText(cell));
}
