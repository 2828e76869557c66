using Microsoft.CodeAnalysis;
using PortCatalog.Generator.Tests.Infrastructure;

namespace PortCatalog.Generator.Tests;

/// <summary>Bad input gets diagnostics with exact ids, paths and lines; the good rows still generate.</summary>
public sealed class DiagnosticTests
{
    private static List<(string Id, string Path, int Line, DiagnosticSeverity Severity)> Describe(GeneratorResult result)
        => result.Diagnostics
            .Select(d => (d.Id, d.Location.GetLineSpan().Path, d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Severity))
            .ToList();

    [Fact]
    public void BadCsvRowsAreReportedWithPathAndLineAndGoodRowsGenerate()
    {
        const string path = "/repo/data/bad.csv";
        var csv =
            "Service Name,Port Number,Transport Protocol,Description\n" + // 1
            "ssh,22,tcp,Secure Shell\n" +                                  // 2
            "big,70000,tcp,Too high\n" +                                   // 3
            "odd,23,xtp,Unknown transport\n" +                             // 4
            "word,abc,tcp,Not a number\n" +                                // 5
            "multi,24,tcp,\"two\nlines\"\n" +                              // 6-7
            "quote,25,tcp,\"bro\"ken\"\n" +                                // 8
            "back,26-25,tcp,Reversed range\n" +                            // 9
            "http,80,tcp,Web\n";                                           // 10
        var result = GeneratorHarness.Run(new TestTable(path, csv));

        Assert.Equal(
            [
                ("PCG001", path, 3, DiagnosticSeverity.Warning),
                ("PCG002", path, 4, DiagnosticSeverity.Warning),
                ("PCG003", path, 5, DiagnosticSeverity.Warning),
                ("PCG003", path, 8, DiagnosticSeverity.Warning),
                ("PCG003", path, 9, DiagnosticSeverity.Warning),
            ],
            Describe(result));
        Assert.Contains("'70000'", result.Diagnostics[0].GetMessage());
        Assert.Contains("'xtp'", result.Diagnostics[1].GetMessage());
        Assert.Contains("'abc'", result.Diagnostics[2].GetMessage());
        Assert.Empty(result.CompilerProblems());
        Assert.Contains("public const int Ssh = 22;", result.SingleSource);
        Assert.Contains("public const int Multi = 24;", result.SingleSource);
        Assert.Contains("public const int Http = 80;", result.SingleSource);
        Assert.DoesNotContain("Big", result.SingleSource);
    }

    [Fact]
    public void BadMarkdownCellsAreReportedWithLines()
    {
        const string path = "/repo/docs/ports.md";
        var md =
            "Intro\n" +                         // 1
            "\n" +                              // 2
            "| Port | Service | Notes |\n" +     // 3
            "|---|---|---|\n" +                 // 4
            "| 22 | SSH | Shell |\n" +           // 5
            "| 70000 | Big | Too high |\n" +     // 6
            "| 80, 99999 | Web | Mixed |\n" +    // 7
            "| 81 | Odd | Fine |\n" +            // 8
            "| n/a | Nothing | Not a port |\n" +  // 9
            "| 82 | Weird | tcp |\n";            // 10
        var result = GeneratorHarness.Run(new TestTable(path, md));
        Assert.Equal(
            [
                ("PCG001", path, 6, DiagnosticSeverity.Warning),
                ("PCG001", path, 7, DiagnosticSeverity.Warning),
                ("PCG003", path, 9, DiagnosticSeverity.Warning),
            ],
            Describe(result).Where(d => d.Id != "PCG005"));
        Assert.Contains("public const int Web = 80;", result.SingleSource);
        Assert.Empty(result.CompilerProblems());
    }

    [Fact]
    public void UnknownTransportInTransportColumn()
    {
        const string path = "/t/transports.md";
        var md = "| Port | Protocol | Service |\n|---|---|---|\n| 53 | TCP/UDP | DNS |\n| 54 | tcp | A |\n| 55 | quic | B |\n";
        var result = GeneratorHarness.Run(new TestTable(path, md));
        Assert.Equal([("PCG002", path, 5, DiagnosticSeverity.Warning)], Describe(result));
    }

    [Theory]
    [InlineData("/t/empty.csv", "", "PCG004")]
    [InlineData("/t/empty.md", "No table here, just prose.\n", "PCG004")]
    [InlineData("/t/other.md", "| Name | Age |\n|---|---|\n| Ann | forty |\n", "PCG004")]
    [InlineData("/t/header-only.csv", "Service Name,Port Number,Transport Protocol,Description\n", "PCG004")]
    [InlineData("/t/noport.csv", "Name,Description\nssh,Shell\n", "PCG010")]
    public void EmptyOrUnusableTablesAreReportedAndStillCompile(string path, string text, string id)
    {
        var result = GeneratorHarness.Run(new TestTable(path, text));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(path, diagnostic.Location.GetLineSpan().Path);
        Assert.Empty(result.CompilerProblems());
        Assert.Contains("public static partial class Ports", result.SingleSource);
    }

    [Fact]
    public void DuplicateIdentifierIsRenamedWithAnInfo()
    {
        const string path = "/t/dupes.csv";
        var csv =
            "Service Name,Port Number,Transport Protocol,Description\n" +
            "web,80,tcp,Web\n" +
            "web,8080,tcp,Web again\n" +       // line 3: Web taken by port 80
            "WEB,8081,tcp,Web in capitals\n" + // line 4: Web and Web_8081? Web taken
            "all,9000,tcp,Collides with the All property\n" +
            "to-string,9001,tcp,Would hide object.ToString\n";
        var result = GeneratorHarness.Run(new TestTable(path, csv));
        Assert.Equal(
            [
                ("PCG005", path, 3, DiagnosticSeverity.Info),
                ("PCG005", path, 4, DiagnosticSeverity.Info),
                ("PCG005", path, 5, DiagnosticSeverity.Info),
                ("PCG005", path, 6, DiagnosticSeverity.Info),
            ],
            Describe(result));
        var source = result.SingleSource;
        Assert.Contains("public const int Web = 80;", source);
        Assert.Contains("public const int Web_8080 = 8080;", source);
        Assert.Contains("public const int Web_8081 = 8081;", source);
        Assert.Contains("public const int All_9000 = 9000;", source);
        Assert.Contains("public const int ToString_9001 = 9001;", source);
        Assert.Empty(result.CompilerProblems());
    }

    [Fact]
    public void ExplicitIdentifierWinsOverADerivedNameAndKeywordsAreEscaped()
    {
        const string path = "/t/ids.csv";
        var csv =
            "Service Name,Port Number,Transport Protocol,Description,Identifier\n" +
            "alpha,100,tcp,First alpha,\n" +
            "other,200,tcp,Claims Alpha explicitly,Alpha\n" +
            "kw,300,tcp,A keyword identifier,class\n" +
            "bad,400,tcp,An invalid identifier,Not Valid!\n" +
            "kw-range,500-510,tcp,A keyword range,event\n";
        var result = GeneratorHarness.Run(new TestTable(path, csv));
        Assert.Equal(
            [
                ("PCG008", path, 5, DiagnosticSeverity.Warning),
                ("PCG005", path, 2, DiagnosticSeverity.Info),
            ],
            Describe(result));
        var source = result.SingleSource;
        Assert.Contains("public const int Alpha = 200;", source);
        Assert.Contains("public const int Alpha_100 = 100;", source);
        Assert.Contains("public const int @class = 300;", source);
        Assert.Contains("public const int NotValid = 400;", source);
        Assert.Contains("public const int @event = 500;", source);
        Assert.Contains("eventRange => new global::PortCatalog.PortRange(500, 510);", source);
        Assert.Empty(result.CompilerProblems());
    }

    [Fact]
    public void ConflictingIdentifiersAcrossTablesAreAnInfo()
    {
        var a = new TestTable("/t/a.csv", "Service Name,Port Number,Transport Protocol,Description,Identifier\nssh,22,tcp,Shell,SecureShell\n");
        var b = new TestTable("/t/b.csv", "Service Name,Port Number,Transport Protocol,Description,Identifier\nssh,22,udp,Shell,Ssh\n");
        var result = GeneratorHarness.Run(a, b);
        var conflict = Assert.Single(result.Diagnostics);
        Assert.Equal(("PCG006", "/t/b.csv", 2, DiagnosticSeverity.Info), (conflict.Id, conflict.Location.GetLineSpan().Path, conflict.Location.GetLineSpan().StartLinePosition.Line + 1, conflict.Severity));
        Assert.Contains("'SecureShell' is kept", conflict.GetMessage());
        Assert.Contains("public const int SecureShell = 22;", result.SingleSource);
        Assert.Contains("22, 22, 3, // SecureShell", result.SingleSource); // transports united: TCP | UDP
    }

    [Fact]
    public void InvalidClassNameAndNamespaceFallBack()
    {
        var result = GeneratorHarness.Run(new TestTable("/t/p.md", "| Port | Name |\n|---|---|\n| 22 | ssh |\n", "My Ports", "Bad..Namespace"));
        Assert.Equal(["PCG007", "PCG007"], result.Diagnostics.Select(d => d.Id));
        Assert.Equal("Consumer.Ports.g.cs", result.Single.HintName);
        Assert.Empty(result.CompilerProblems());
    }

    [Fact]
    public void EveryDescriptorLinksToItsRulePage()
    {
        foreach (var descriptor in PortCatalog.Generator.Diagnostics.DiagnosticDescriptors.All)
        {
            Assert.EndsWith("/docs/rules/" + descriptor.Id + ".md", descriptor.HelpLinkUri);
            Assert.True(File.Exists(Path.Combine(TestPaths.RepoRoot, "docs", "rules", descriptor.Id + ".md")), $"docs/rules/{descriptor.Id}.md is missing");
        }
    }
}
