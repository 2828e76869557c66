using Microsoft.CodeAnalysis;
using PortCatalog.Generator.Tests.Infrastructure;

namespace PortCatalog.Generator.Tests;

/// <summary>The <c>Claim</c> column: read per row, merged (weak wins), written as an attribute on weak constants only (no attribute is strong).</summary>
public sealed class ClaimColumnTests
{
    [Fact]
    public void EachConstantCarriesItsClaimAndAMergedEntryIsWeakWhenAnyRowIs()
    {
        var csv =
            "Service Name,Port Number,Transport Protocol,Description,Identifier,Claim\n" +
            "ssh,22,tcp,Secure Shell,Ssh,\n" +
            "jupyter,8888,tcp,Notebooks,Jupyter,weak\n" +
            "redis,6379,tcp,Cache,Redis,Strong\n" +
            "azurite,10000,tcp,Blob emulator,AzuriteBlob,\n" +
            "azurite,10000,udp,Blob emulator,AzuriteBlob,WEAK\n";
        var result = GeneratorHarness.Run(new TestTable("/repo/data/claims.csv", csv));

        Assert.Empty(result.Diagnostics);
        var text = result.SingleSource;
        Assert.Contains("</summary>\n        public const int Ssh = 22;", text.ReplaceLineEndings("\n"));
        Assert.Contains("[global::PortCatalog.PortClaimAttribute(global::PortCatalog.PortClaimStrength.Weak)]\n        public const int Jupyter = 8888;", text.ReplaceLineEndings("\n"));
        Assert.Contains("</summary>\n        public const int Redis = 6379;", text.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("PortClaimStrength.Strong", text);
        Assert.Contains("[global::PortCatalog.PortClaimAttribute(global::PortCatalog.PortClaimStrength.Weak)]\n        public const int AzuriteBlob = 10000;", text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AnUnknownClaimIsReportedWithPathAndLineAndTheRowSkipped()
    {
        const string path = "/repo/data/claims.csv";
        var csv =
            "Service Name,Port Number,Transport Protocol,Description,Claim\n" +
            "ssh,22,tcp,Secure Shell,\n" +
            "odd,23,tcp,Odd,maybe\n";
        var result = GeneratorHarness.Run(new TestTable(path, csv));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("PCG003", path, 3), (diagnostic.Id, diagnostic.Location.GetLineSpan().Path, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.Contains("claim 'maybe'", diagnostic.GetMessage());
        var text = result.SingleSource;
        Assert.Contains("public const int Ssh = 22;", text);
        Assert.DoesNotContain("= 23;", text);
    }
}
