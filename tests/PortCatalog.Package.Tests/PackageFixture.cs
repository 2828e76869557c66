using System.Reflection;

namespace PortCatalog.Package.Tests;

/// <summary>
/// Packs PortCatalog once into a temporary folder feed, with a version no earlier run used (so the NuGet cache
/// never serves a stale copy), and creates consumer projects that reference it from that feed.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        Root = Directory.CreateTempSubdirectory("portcatalog-package-").FullName;
        Feed = Path.Combine(Root, "feed");
        Version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        var configuration = typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Configuration").Value!;

        var project = Path.Combine(TestPaths.RepoRoot, "runtime", "PortCatalog", "PortCatalog.csproj");
        PackResult = DotNetCli.Run(TestPaths.RepoRoot, "pack", project, "--no-build", "-c", configuration,
            "-o", Feed, $"-p:PackageVersion={Version}", "-nodeReuse:false");
        PackagePath = Path.Combine(Feed, $"PortCatalog.{Version}.nupkg");

        // Consumers restore PortCatalog from the folder feed and everything else from the usual registry.
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="portcatalog-test-feed" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="portcatalog-test-feed"><package pattern="PortCatalog" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
    }

    /// <summary>The temporary folder that holds the feed and every consumer project.</summary>
    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public ProcessResult PackResult { get; }

    public string PackagePath { get; }

    /// <summary>Creates a consumer project folder with the given files (relative path → content).</summary>
    public Consumer CreateConsumer(string name, string targetFramework, string outputType, IReadOnlyDictionary<string, string> files, string extraProjectXml = "")
    {
        Assert.True(File.Exists(PackagePath), $"dotnet pack produced no {PackagePath}: {PackResult}");
        var directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>{targetFramework}</TargetFramework>
                <OutputType>{outputType}</OutputType>
                <Nullable>enable</Nullable>
                <LangVersion>latest</LangVersion>
                <ImplicitUsings>disable</ImplicitUsings>
                <RootNamespace>{name}</RootNamespace>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PortCatalog" Version="{Version}" />
              </ItemGroup>
              {extraProjectXml}
            </Project>
            """);
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        return new Consumer(directory);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file open; the temp folder is the OS's to clean then.
        }
    }
}

/// <summary>A consumer project on disk.</summary>
public sealed class Consumer(string directory)
{
    public string Directory { get; } = directory;

    public ProcessResult Build(params string[] extraArguments)
        => DotNetCli.Run(Directory, ["build", "-nodeReuse:false", "-clp:NoSummary", .. extraArguments]);

    public ProcessResult Run(params string[] extraArguments)
        => DotNetCli.Run(Directory, ["run", "--no-build", .. extraArguments]);
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "package";
}
