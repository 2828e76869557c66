using Microsoft.CodeAnalysis;

namespace PortCatalog.Generator;

/// <summary>Generates typed port catalogs from the port tables a project lists as <c>PortTable</c> items.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class PortCatalogGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
