using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;

namespace PortCatalog.HealthChecks.Tests;

/// <summary>dotnet pack on PortCatalog.HealthChecks: both targets, docs, README, and the dependencies a consumer gets.</summary>
public sealed class PackageTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("portcatalog-healthchecks-pack-").FullName;

    [Fact]
    public void ThePackageHoldsBothTargetsWithDocsAndDependsOnPortCatalogAndHealthChecks()
    {
        var configuration = typeof(PackageTests).Assembly.GetCustomAttributes<AssemblyConfigurationAttribute>().Single().Configuration;
        var project = Path.Combine(TestPaths.RepoRoot, "runtime", "PortCatalog.HealthChecks", "PortCatalog.HealthChecks.csproj");
        var version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";

        var pack = ExternalCommand.Run("dotnet", ["pack", project, "-c", configuration, "-o", _output, $"-p:PackageVersion={version}", "-nodeReuse:false"], TimeSpan.FromMinutes(5), start =>
        {
            // Outside the test host's MSBuild environment, as a user runs it.
            foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                start.Environment.Remove(key);
            }
        });

        var package = Path.Combine(_output, $"PortCatalog.HealthChecks.{version}.nupkg");
        Assert.True(pack.ExitCode == 0 && File.Exists(package), pack.ToString());
        using var archive = ZipFile.OpenRead(package);
        var files = archive.Entries.Select(e => e.FullName).ToList();
        foreach (var expected in new[] { "lib/netstandard2.0/PortCatalog.HealthChecks.dll", "lib/netstandard2.0/PortCatalog.HealthChecks.xml", "lib/net8.0/PortCatalog.HealthChecks.dll", "lib/net8.0/PortCatalog.HealthChecks.xml", "README.md" })
        {
            Assert.Contains(expected, files);
        }

        using var nuspecStream = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var groups = XDocument.Load(nuspecStream).Descendants().Where(e => e.Name.LocalName == "group").ToList();
        Assert.Equal([".NETStandard2.0", "net8.0"], groups.Select(g => (string)g.Attribute("targetFramework")!).Order());
        foreach (var group in groups)
        {
            var dependencies = group.Elements().ToDictionary(d => (string)d.Attribute("id")!, d => (string)d.Attribute("version")!);
            Assert.Equal(version, dependencies["PortCatalog"]);
            Assert.Contains("Microsoft.Extensions.Diagnostics.HealthChecks", dependencies.Keys);
        }
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);
}
