using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PortCatalog.Analyzers.Catalogs;
using PortCatalog.Analyzers.Configuration;
using PortCatalog.Analyzers.Contexts;
using PortCatalog.Analyzers.Exclusions;

namespace PortCatalog.Analyzers;

/// <summary>
/// PORT004 (off by default): a port in a URL inside a string literal, such as <c>"http://localhost:8080"</c> or
/// <c>UseUrls("http://*:5000;http://*:5001")</c>, that a catalog names under a name that fits the URL's scheme
/// (<c>http</c> → <c>HttpAlt</c>; <c>http://localhost:8888</c> suggests nothing, 8888 being Jupyter's). A separate analyzer so that, while the
/// rule is off, the compiler skips it entirely.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UrlPortAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(PortRules.UrlPortHasCatalogConstant);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(PortFileAnalysis.GeneratedCodeFlags);
        PortFileAnalysis.Register(context, AnalyzeFile);
    }

    private static void AnalyzeFile(SemanticModelAnalysisContext context, PortAnalyzerOptions options, GeneratedCodeFilter generatedCode)
    {
        foreach (var token in LiteralFinder.StringsWithSchemeSeparator(context.SemanticModel.SyntaxTree, context.CancellationToken))
        {
            AnalyzeString(context, token, options, generatedCode);
        }
    }

    private static void AnalyzeString(SemanticModelAnalysisContext context, SyntaxToken token, PortAnalyzerOptions options, GeneratedCodeFilter generatedCode)
    {
        // The raw token text: URL authorities hold no escape sequences, so offsets map straight onto the source.
        var text = token.Text;
        var model = context.SemanticModel;
        PortCatalogIndex? index = null;
        foreach (var url in UrlPortParser.FindPorts(text))
        {
            if (url.Port == 0 || options.IsIgnored(url.Port))
            {
                continue;
            }

            index ??= PortCatalogIndex.For(model.Compilation, context.CancellationToken);
            var constant = index.FindForScheme(url.Port, url.Scheme);
            if (constant is null || generatedCode.IsGeneratedCode(token.Parent!, model, context.CancellationToken) ||
                IsTestFrameworkAttributeArgument(token.Parent!, model, context.CancellationToken))
            {
                continue;
            }

            var portText = url.Port.ToString(CultureInfo.InvariantCulture);
            var location = Location.Create(model.SyntaxTree, new TextSpan(token.SpanStart + url.Start, url.Length));
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(PortDiagnosticProperties.Port, portText)
                .Add(PortDiagnosticProperties.CatalogType, constant.CatalogMetadataName)
                .Add(PortDiagnosticProperties.ConstantName, constant.Name);
            context.ReportDiagnostic(Diagnostic.Create(PortRules.UrlPortHasCatalogConstant, location, properties, portText, constant.DisplayName));
        }
    }

    // [InlineData("http://localhost:8080")], [TestCase(...)]: test data, as for PORT001-003.
    // An attribute that does not bind (the test framework is not referenced) counts by its usual names.
    private static bool IsTestFrameworkAttributeArgument(SyntaxNode node, SemanticModel model, System.Threading.CancellationToken cancellationToken) =>
        node.FirstAncestorOrSelf<AttributeSyntax>() is { } attribute &&
        (model.GetSymbolInfo(attribute, cancellationToken).Symbol is IMethodSymbol constructor
            ? PortContextFinder.IsTestFrameworkType(constructor.ContainingType)
            : PortContextFinder.AttributeName(attribute) is
                "InlineData" or "InlineDataAttribute" or "TestCase" or "TestCaseAttribute" or "DataRow" or "DataRowAttribute" or "Arguments" or "ArgumentsAttribute");
}
