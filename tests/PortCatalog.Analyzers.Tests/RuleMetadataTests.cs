using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace PortCatalog.Analyzers.Tests;

/// <summary>Stable ids, help links that resolve to committed docs, and release tracking in step with the descriptors.</summary>
public sealed class RuleMetadataTests
{
    public static TheoryData<string> Ids => new(AllDescriptors().Select(d => d.Id));

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        Infrastructure.PortVerifier.Analyzers.SelectMany(a => a.SupportedDiagnostics).DistinctBy(d => d.Id);

    [Fact]
    public void IdsAreTheDocumentedOnes() =>
        Assert.Equal(["PORT001", "PORT002", "PORT003", "PORT004", "PORT005"], AllDescriptors().Select(d => d.Id).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Ids))]
    public void HelpLinkPointsAtTheRulePageInTheRepository(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        Assert.Equal(PortRules.HelpLinkPrefix + id + ".md", descriptor.HelpLinkUri);
        Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri);
        var page = Path.Combine(TestPaths.RepoRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        Assert.StartsWith("# " + id + ":", File.ReadAllText(page));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void ReleaseTrackingListsCategoryAndDefaultSeverity(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        var unshipped = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "analyzers", "PortCatalog.Analyzers", "AnalyzerReleases.Unshipped.md"));
        var severity = descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";
        Assert.Matches(new Regex($@"^{id} \| {descriptor.Category} \| {severity} \|", RegexOptions.Multiline), unshipped);
    }
}
