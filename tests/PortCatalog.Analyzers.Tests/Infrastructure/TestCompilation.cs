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

    public static CSharpCompilationOptions Options(SyntaxTreeOptionsProvider? treeOptions = null) =>
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            .WithSyntaxTreeOptionsProvider(treeOptions);

    public static string PathOf(int index) => EditorConfigOptions.Directory + "Test" + index + ".cs";

    public static CSharpCompilation Create(IEnumerable<string> sources, SyntaxTreeOptionsProvider? treeOptions = null, IEnumerable<MetadataReference>? extraReferences = null, string assemblyName = "TestProject")
    {
        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, PathOf(i)));
        return CSharpCompilation.Create(assemblyName, trees, References.AddRange(extraReferences ?? []), Options(treeOptions));
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
