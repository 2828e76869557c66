using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace PortCatalog.Analyzers.Tests.Infrastructure;

/// <summary>Which port catalogs a test project sees.</summary>
internal enum TestCatalogs
{
    /// <summary>The <see cref="CatalogFixtures.WellKnownPorts"/> fixture as a source file, plus PortCatalog.dll (for the attributes).</summary>
    Fixture,

    /// <summary>The real PortCatalog.dll with its generated <c>WellKnownPorts</c>, and no fixture.</summary>
    RealLibrary,

    /// <summary>An assembly that defines only the catalog attributes: a project that sees no catalog at all.</summary>
    None,
}

/// <summary>
/// How test projects are compiled, for the official harness (<see cref="PortCodeFixTest{TCodeFix}"/>)
/// and the fuzzing: C# latest, nullable on, .NET 8 reference assemblies from Basic.Reference.Assemblies (offline: the
/// harness resolves no package), and PortCatalog.dll.
/// </summary>
internal static class TestCompilation
{
    /// <summary>Where the harness puts test files (<c>/0/Test0.cs</c>, ...); the .editorconfig goes above it.</summary>
    public const string Directory = "/0/";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>Nothing to resolve: every reference comes from <see cref="References"/>.</summary>
    public static ReferenceAssemblies NoPackages { get; } = new(string.Empty);

    public static ImmutableArray<MetadataReference> Framework { get; } = [.. Basic.Reference.Assemblies.Net80.References.All];

    public static MetadataReference RuntimeLibrary { get; } = MetadataReference.CreateFromFile(typeof(PortCatalogAttribute).Assembly.Location);

    private static readonly Lazy<MetadataReference> s_attributesOnly = new(AttributeOnlyLibrary);

    public static IEnumerable<MetadataReference> References(TestCatalogs catalogs) =>
        [.. Framework, catalogs == TestCatalogs.None ? s_attributesOnly.Value : RuntimeLibrary];

    public static CSharpCompilationOptions Options(OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary) =>
        new(outputKind, nullableContextOptions: NullableContextOptions.Enable);

    /// <summary>Compiles <paramref name="sources"/> into a compilation (no workspace): the fuzzing's input.</summary>
    public static CSharpCompilation Create(IEnumerable<string> sources, string assemblyName = "TestProject", TestCatalogs catalogs = TestCatalogs.Fixture)
    {
        var all = catalogs == TestCatalogs.Fixture ? sources.Append(CatalogFixtures.WellKnownPorts) : sources;
        var trees = all.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, Directory + "Test" + i + ".cs"));
        return CSharpCompilation.Create(assemblyName, trees, References(catalogs), Options());
    }

    /// <summary>Compiles a library (for catalogs in referenced assemblies) and returns it as a metadata reference.</summary>
    public static MetadataReference Library(string assemblyName, params string[] sources)
    {
        var compilation = Create(sources, assemblyName, TestCatalogs.RealLibrary);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    // The attribute types the analyzers look for, without any catalog.
    private static MetadataReference AttributeOnlyLibrary()
    {
        var compilation = CSharpCompilation.Create("PortCatalog.AttributeOnly",
            [CSharpSyntaxTree.ParseText("""
                namespace PortCatalog
                {
                    [System.AttributeUsage(System.AttributeTargets.Class)] public sealed class PortCatalogAttribute : System.Attribute { }
                }
                """, ParseOptions)],
            Framework, Options());
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
