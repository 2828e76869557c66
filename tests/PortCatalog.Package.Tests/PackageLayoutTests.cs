using System.IO.Compression;
using System.Xml.Linq;

namespace PortCatalog.Package.Tests;

[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackageFixture package)
{
    [Theory]
    [InlineData("lib/netstandard2.0/PortCatalog.dll")]
    [InlineData("lib/netstandard2.0/PortCatalog.xml")]
    [InlineData("lib/net8.0/PortCatalog.dll")]
    [InlineData("lib/net8.0/PortCatalog.xml")]
    [InlineData("analyzers/dotnet/cs/PortCatalog.Generator.dll")]
    [InlineData("analyzers/dotnet/cs/PortCatalog.Analyzers.dll")]
    [InlineData("analyzers/dotnet/cs/PortCatalog.CodeFixes.dll")]
    [InlineData("analyzers/dotnet/cs/CsvHelper.dll")]
    [InlineData("analyzers/dotnet/cs/Microsoft.Bcl.AsyncInterfaces.dll")]
    [InlineData("buildTransitive/PortCatalog.props")]
    [InlineData("buildTransitive/PortCatalog.targets")]
    [InlineData("README.md")]
    public void PackageHoldsFile(string path)
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        Assert.Contains(path, archive.Entries.Select(e => e.FullName));
    }

    [Fact]
    public void GeneratorDependenciesDoNotFlowToConsumers()
    {
        var dependencies = ReadNuspec().Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => (string)e.Attribute("id")!).ToList();

        Assert.DoesNotContain("CsvHelper", dependencies);
        Assert.DoesNotContain(dependencies, id => id.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    [Fact]
    public void NuspecCarriesLicenseReadmeAndRepository()
    {
        var metadata = ReadNuspec().Descendants().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.Contains("ports", Value("tags"));
        Assert.NotNull(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "repository")?.Attribute("commit"));
    }

    [Fact]
    public void SymbolsPackageIsProduced()
    {
        Assert.True(File.Exists(Path.ChangeExtension(package.PackagePath, ".snupkg")), package.PackResult.ToString());
    }

    private XDocument ReadNuspec()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var stream = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }
}
