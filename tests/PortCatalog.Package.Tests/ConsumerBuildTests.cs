using System.Text.RegularExpressions;

namespace PortCatalog.Package.Tests;

/// <summary>The user journey from the package: a fresh project references PortCatalog from a feed and builds.</summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerBuildTests(PackageFixture package)
{
    private const string CatalogProgram = """
        using System;
        using System.Net;
        using System.Net.Sockets;
        using System.Threading.Tasks;
        using Contoso.Networking;
        using PortCatalog;

        Console.WriteLine($"ssh={WellKnownPorts.Ssh}");
        Console.WriteLine($"https={(WellKnownPorts.TryGetPort("https", out var https) ? https : -1)}");
        Console.WriteLine($"billing={InternalPorts.BillingApi}");
        Console.WriteLine($"metrics={InternalPorts.Metrics}");

        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var state = await PortProbe.ProbeTcpAsync(IPAddress.Loopback, port, TimeSpan.FromSeconds(2));
        Console.WriteLine($"probe={state}");
        listener.Stop();
        """;

    private const string InternalCsv = """
        Service Name,Port Number,Transport Protocol,Description
        billing-api,7443,tcp,Billing service API
        billing-api,7443,udp,Billing service API
        audit,70000,tcp,A row whose port cannot exist
        """;

    private const string MetricsMarkdown = """
        # Team ports

        | Port | Service | Description |
        |------|---------|-------------|
        | 9464 | metrics | Metrics scrape endpoint |
        """;

    private static readonly Dictionary<string, string> CatalogConsumerFiles = new()
    {
        ["Program.cs"] = CatalogProgram,
        ["ports/internal.csv"] = InternalCsv,
        ["ports/team.md"] = MetricsMarkdown,
    };

    private const string UserTables = """
        <ItemGroup>
          <PortTable Include="ports/*.csv;ports/*.md" ClassName="InternalPorts" Namespace="Contoso.Networking" />
        </ItemGroup>
        """;

    [Fact]
    public void ConsoleConsumerGetsCatalogUserTablesAndProbe()
    {
        var consumer = package.CreateConsumer("CatalogConsumer", "net10.0", "Exe", CatalogConsumerFiles, UserTables);

        var build = consumer.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        AssertGeneratorLoaded(build);
        // The malformed row is reported against its own file and line; the good rows still generate.
        AssertReported(build, DiagnosticAt("internal.csv", 4, "PCG"));

        var run = consumer.Run();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("ssh=22", run.Output);
        Assert.Contains("https=443", run.Output);
        Assert.Contains("billing=7443", run.Output);
        Assert.Contains("metrics=9464", run.Output);
        Assert.Contains("probe=Open", run.Output);
    }

    [Fact]
    public void UserTableWithDefaultMetadataKeepsTheBuiltInCatalog()
    {
        // <PortTable Include="..."/> with no ClassName once made <RootNamespace>.WellKnownPorts, which hid
        // PortCatalog.WellKnownPorts inside the project's namespace (CS0117 on WellKnownPorts.Ssh).
        var consumer = package.CreateConsumer("DefaultTable", "net10.0", "Exe", new Dictionary<string, string>
        {
            ["Program.cs"] = """
                using System;
                using PortCatalog;

                namespace DefaultTable;

                public static class Program
                {
                    public static void Main()
                    {
                        Console.WriteLine($"ssh={WellKnownPorts.Ssh}");
                        Console.WriteLine($"billing={Ports.BillingApi}");
                        Console.WriteLine($"billing-by-name={(Ports.TryGetPort("billing-api", out var port) ? port : -1)}");
                    }
                }
                """,
            ["ports/internal.csv"] = "Service Name,Port Number,Transport Protocol,Description\nbilling-api,7443,tcp,Billing service API\n",
        }, """
            <ItemGroup>
              <PortTable Include="ports/internal.csv" />
            </ItemGroup>
            """);

        var build = consumer.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        AssertGeneratorLoaded(build);
        var run = consumer.Run();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("ssh=22", run.Output);
        Assert.Contains("billing=7443", run.Output);
        Assert.Contains("billing-by-name=7443", run.Output);
    }

    [Fact]
    public void GeneratorLoadsWithoutTheSharedCompilerServer()
    {
        var consumer = package.CreateConsumer("NoSharedCompilation", "net10.0", "Exe", CatalogConsumerFiles, UserTables);

        var build = consumer.Build("-p:UseSharedCompilation=false");

        Assert.True(build.ExitCode == 0, build.ToString());
        AssertGeneratorLoaded(build);
        AssertReported(build, DiagnosticAt("internal.csv", 4, "PCG"));
    }

    [Fact]
    public void HardcodedPortWarnsAndEditorConfigKeysChangeIt()
    {
        const string code = """
            using System.Net;

            namespace {0};

            public static class Endpoints
            {{
                public static IPEndPoint Database() => new IPEndPoint(IPAddress.Loopback, 5432);
            }}
            """;
        var consumer = package.CreateConsumer("MagicPorts", "net10.0", "Library", new Dictionary<string, string>
        {
            ["Warned/Endpoints.cs"] = string.Format(code, "MagicPorts.Warned"),
            ["Silenced/Endpoints.cs"] = string.Format(code, "MagicPorts.Silenced"),
            ["Silenced/.editorconfig"] = "[*.cs]\ndotnet_diagnostic.PORT001.severity = none\n",
            ["Ignored/Endpoints.cs"] = string.Format(code, "MagicPorts.Ignored"),
            ["Ignored/.editorconfig"] = "[*.cs]\nport_catalog.ignored_ports = 5432, 8080\n",
        });

        var build = consumer.Build();
        Assert.True(build.ExitCode == 0, build.ToString());
        AssertGeneratorLoaded(build);
        AssertReported(build, DiagnosticAt(Path.Combine("Warned", "Endpoints.cs"), 7, "PORT001"));
        AssertNotReported(build, DiagnosticAt(Path.Combine("Silenced", "Endpoints.cs"), 7, "PORT001"));
        AssertNotReported(build, DiagnosticAt(Path.Combine("Ignored", "Endpoints.cs"), 7, "PORT001"));
        Assert.Contains("WellKnownPorts.PostgreSql", build.Output);

        var strict = consumer.Build("-warnaserror", "--no-incremental");
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Matches(new Regex(@"error PORT001"), strict.Output);
    }

    [Theory]
    [InlineData("net8.0", "Exe")]
    [InlineData("netstandard2.0", "Library")]
    public void OlderTargetFrameworksBuild(string targetFramework, string outputType)
    {
        var name = "Consumer_" + targetFramework.Replace('.', '_');
        var consumer = package.CreateConsumer(name, targetFramework, outputType, new Dictionary<string, string>
        {
            ["Ports.cs"] = $$"""
                using System;
                using PortCatalog;

                namespace {{name}};

                public static class Ports
                {
                    public static int Ssh() => WellKnownPorts.Ssh;

                    public static bool Find(string name, out int port) => WellKnownPorts.TryGetPort(name.AsSpan(), out port);
                }
                """,
            ["Main.cs"] = outputType == "Exe"
                ? $"namespace {name};\n\npublic static class Program\n{{\n    public static void Main() => System.Console.WriteLine(Ports.Ssh());\n}}\n"
                : "",
        });

        var build = consumer.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        AssertGeneratorLoaded(build);
    }

    private static void AssertGeneratorLoaded(ProcessResult build)
    {
        // CS8784: generator failed to initialize; CS8785: generator threw; AD0001: an analyzer threw.
        Assert.DoesNotContain("CS8784", build.Output);
        Assert.DoesNotContain("CS8785", build.Output);
        Assert.DoesNotContain("AD0001", build.Output);
        Assert.DoesNotContain("CS8032", build.Output);
    }

    private static void AssertReported(ProcessResult build, Regex diagnostic)
        => Assert.True(diagnostic.IsMatch(build.Output), $"Expected a diagnostic matching {diagnostic} in the build output ({build})");

    private static void AssertNotReported(ProcessResult build, Regex diagnostic)
        => Assert.False(diagnostic.IsMatch(build.Output), $"Expected no diagnostic matching {diagnostic} in the build output ({build})");

    private static Regex DiagnosticAt(string fileSuffix, int line, string idPrefix)
        => new($@"{Regex.Escape(fileSuffix)}\({line},\d+(,\d+,\d+)?\): (warning|error|info) {idPrefix}\d*:");
}
