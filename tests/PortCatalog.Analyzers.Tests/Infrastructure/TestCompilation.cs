using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PortCatalog.Analyzers.Tests.Infrastructure;

/// <summary>How test sources are compiled: C# latest, .NET 8 reference assemblies, and PortCatalog.dll for the attribute.</summary>
internal static class TestCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static ImmutableArray<MetadataReference> References { get; } =
        [.. Basic.Reference.Assemblies.Net80.References.All, MetadataReference.CreateFromFile(typeof(PortCatalogAttribute).Assembly.Location)];

    /// <summary>
    /// .NET 8 and an assembly that defines only <c>PortCatalog.PortCatalogAttribute</c>: a project that sees no catalog at all
    /// (the real PortCatalog.dll carries the built-in <c>WellKnownPorts</c>).
    /// </summary>
    public static ImmutableArray<MetadataReference> ReferencesWithoutCatalog { get; } =
        [.. Basic.Reference.Assemblies.Net80.References.All, AttributeOnlyLibrary()];

    public static CSharpCompilationOptions Options(SyntaxTreeOptionsProvider? treeOptions = null) =>
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            .WithSyntaxTreeOptionsProvider(treeOptions);

    public static string PathOf(int index) => EditorConfigOptions.Directory + "Test" + index + ".cs";

    /// <summary>Compiles <paramref name="sources"/>; the first is saved as <paramref name="firstPath"/> when given (default <c>PathOf(0)</c>).</summary>
    public static CSharpCompilation Create(IEnumerable<string> sources, SyntaxTreeOptionsProvider? treeOptions = null, IEnumerable<MetadataReference>? extraReferences = null,
        string assemblyName = "TestProject", bool withRuntimeLibrary = true, string? firstPath = null)
    {
        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, i == 0 && firstPath is not null ? firstPath : PathOf(i)));
        var references = withRuntimeLibrary ? References : ReferencesWithoutCatalog;
        return CSharpCompilation.Create(assemblyName, trees, references.AddRange(extraReferences ?? []), Options(treeOptions));
    }

    private static MetadataReference AttributeOnlyLibrary()
    {
        var compilation = CSharpCompilation.Create("PortCatalog.AttributeOnly",
            [CSharpSyntaxTree.ParseText("namespace PortCatalog { [System.AttributeUsage(System.AttributeTargets.Class)] public sealed class PortCatalogAttribute : System.Attribute { } }", ParseOptions)],
            Basic.Reference.Assemblies.Net80.References.All, Options());
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    /// <summary>Compiles a library (for catalogs in referenced assemblies) and returns it as a metadata reference.</summary>
    public static MetadataReference Library(string assemblyName, params string[] sources)
    {
        var compilation = Create(sources, assemblyName: assemblyName);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
