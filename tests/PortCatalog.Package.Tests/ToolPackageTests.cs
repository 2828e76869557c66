using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PortCatalog.Package.Tests;

/// <summary>
/// The portcat tool package as a user gets it: the top-level package names the Native AOT RID package and the
/// framework-dependent `any` fallback, and the fallback installs with `dotnet tool install` and runs. (The AOT package
/// itself is built with `dotnet pack -r linux-x64`, minutes of native compilation, and is measured by
/// benchmarks/cli/startup.sh rather than built here.)
/// </summary>
public sealed partial class ToolPackageTests : IClassFixture<ToolPackageTests.Fixture>
{
    private readonly Fixture _fixture;

    public ToolPackageTests(Fixture fixture) => _fixture = fixture;

    [Fact]
    public void TopLevelPackagePointsToTheAotAndTheFrameworkDependentPackages()
    {
        using var package = ZipFile.OpenRead(_fixture.PackagePath("PortCatalog.Cli"));
        var settings = package.Entries.Single(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
        using var stream = settings.Open();
        var rids = XDocument.Load(stream).Descendants("RuntimeIdentifierPackage")
            .Select(p => (p.Attribute("RuntimeIdentifier")!.Value, p.Attribute("Id")!.Value));

        Assert.Equal([("linux-x64", "PortCatalog.Cli.linux-x64"), ("any", "PortCatalog.Cli.any")], rids);
    }

    [Fact]
    public void FrameworkDependentPackageInstallsRunsAndRollsForwardFromNet8()
    {
        using (var package = ZipFile.OpenRead(_fixture.PackagePath("PortCatalog.Cli.any")))
        {
            var config = package.Entries.Single(e => e.FullName.EndsWith("portcat.runtimeconfig.json", StringComparison.Ordinal));
            using var reader = new StreamReader(config.Open());
            var text = reader.ReadToEnd();
            Assert.Contains("\"rollForward\": \"Major\"", text);
            Assert.Contains("\"version\": \"8.0.0\"", text);
        }

        var tools = Path.Combine(_fixture.Root, "tools");
        var install = DotNetCli.Run(_fixture.Root, "tool", "install", "--tool-path", tools, "--add-source", _fixture.Feed,
            "--version", _fixture.Version, "PortCatalog.Cli.any");
        Assert.True(install.ExitCode == 0, install.ToString());

        var run = ExternalCommand.Run(Path.Combine(tools, "portcat"), ["lookup", "22", "--format", "csv"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("query,port,", run.Stdout);
        Assert.Contains(",22,", run.Stdout);
    }

    [Theory]
    [InlineData("PortCatalog.Cli")]
    [InlineData("PortCatalog.Cli.any")]
    public void PackageReadmeIsForNugetOrgWithAbsoluteLinksOnly(string id)
    {
        using var package = ZipFile.OpenRead(_fixture.PackagePath(id));
        using var reader = new StreamReader(package.GetEntry("README.md")!.Open());
        var readme = reader.ReadToEnd();

        Assert.Contains("dotnet tool install", readme);
        Assert.Empty(RelativeLinks(readme));
    }

    [Fact]
    public void LibraryPackageReadmeHasAbsoluteLinksOnly()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "runtime", "PortCatalog", "README.md"));

        Assert.Contains("dotnet add package PortCatalog", readme);
        Assert.Empty(RelativeLinks(readme));
    }

    private static string[] RelativeLinks(string markdown)
        => MarkdownLink().Matches(markdown).Select(m => m.Groups[1].Value).Where(l => !l.StartsWith("https://", StringComparison.Ordinal)).ToArray();

    [GeneratedRegex(@"\]\(([^)]*)\)")]
    private static partial Regex MarkdownLink();

    /// <summary>Packs the tool's top-level and framework-dependent packages once, with a version no earlier run used.</summary>
    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            Root = Directory.CreateTempSubdirectory("portcat-tool-package-").FullName;
            Feed = Path.Combine(Root, "feed");
            Version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
            var project = Path.Combine(TestPaths.RepoRoot, "cli", "PortCatalog.Cli", "PortCatalog.Cli.csproj");
            string[] common = ["-c", "Release", "-o", Feed, $"-p:PackageVersion={Version}", "-nodeReuse:false"];
            foreach (var extra in new[] { Array.Empty<string>(), ["-r", "any"] })
            {
                var pack = DotNetCli.Run(TestPaths.RepoRoot, ["pack", project, .. common, .. extra]);
                Assert.True(pack.ExitCode == 0, pack.ToString());
            }
        }

        public string Root { get; }

        public string Feed { get; }

        public string Version { get; }

        public string PackagePath(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
