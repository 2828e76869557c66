using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PortCatalog.Analyzers.Catalogs;
using PortCatalog.Analyzers.Configuration;
using PortCatalog.Analyzers.Contexts;
using PortCatalog.Analyzers.Exclusions;

namespace PortCatalog.Analyzers;

/// <summary>
/// PORT001, PORT002 and PORT003: numeric literals used where the code means a port.
/// <para>
/// Runs once per file (<see cref="PortFileAnalysis"/>) and finds the file's numeric literals itself
/// (<see cref="LiteralFinder"/>), rather than a syntax-node action per literal: for a syntax-node action the analyzer driver dispatches every numeric
/// literal of the project, which on the 100,000-line benchmark took 1.17 s of the compiler's thread time
/// (dotnet-trace of csc, ExecuteSyntaxNodeActions), of which the analysis itself was 0.3 s. The catalog index is built
/// once per compilation, on the first literal that is a port.
/// </para>
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MagicPortAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(PortRules.UseCatalogConstant, PortRules.ExtractPortConstant, PortRules.PortOutOfRange);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(PortFileAnalysis.GeneratedCodeFlags);
        PortFileAnalysis.Register(context, AnalyzeFile);
    }

    private static void AnalyzeFile(SemanticModelAnalysisContext context, PortAnalyzerOptions options, GeneratedCodeFilter generatedCode)
    {
        foreach (var literal in LiteralFinder.NumericLiterals(context.SemanticModel.SyntaxTree, context.CancellationToken))
        {
            AnalyzeLiteral(context, literal, options, generatedCode);
        }
    }

    private static void AnalyzeLiteral(SemanticModelAnalysisContext context, LiteralExpressionSyntax literal, PortAnalyzerOptions options, GeneratedCodeFilter generatedCode)
    {
        // The position first: most numeric literals (operands, indexes, returns) cannot be ports, and reading a
        // literal's value boxes it.
        ExpressionSyntax valueNode = literal.Parent is PrefixUnaryExpressionSyntax sign &&
                                     (sign.IsKind(SyntaxKind.UnaryMinusExpression) || sign.IsKind(SyntaxKind.UnaryPlusExpression))
            ? sign
            : literal;
        if (!PortContextFinder.IsCandidate(valueNode) || !TryGetIntegerValue(literal.Token.Value, out var value))
        {
            return;
        }

        if (valueNode.IsKind(SyntaxKind.UnaryMinusExpression))
        {
            value = -value;
        }

        if (value == 0)
        {
            return;     // 0 is "any port": IPEndPoint(IPAddress.Any, 0) asks the OS to choose.
        }

        var model = context.SemanticModel;
        var cancellationToken = context.CancellationToken;
        var isPortNumber = value is > 0 and <= 65535;
        if ((isPortNumber && options.IsIgnored(value)) ||
            !PortContextFinder.TryFind(valueNode, options, model, cancellationToken, out var portContext))
        {
            return;
        }

        var index = PortCatalogIndex.For(model.Compilation, cancellationToken);
        if ((index.DeclaresCatalog(model.SyntaxTree) && IsInsideCatalog(literal, index, model, cancellationToken)) ||
            generatedCode.IsGeneratedCode(literal, model, cancellationToken))
        {
            return;
        }

        var text = value.ToString(CultureInfo.InvariantCulture);
        if (!isPortNumber)
        {
            context.ReportDiagnostic(Diagnostic.Create(PortRules.PortOutOfRange, valueNode.GetLocation(), text));
            return;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[PortDiagnosticProperties.Port] = text;
        properties[PortDiagnosticProperties.ContextName] = portContext.Name;
        var constant = index.Find((int)value, portContext.Name);
        if (constant is not null)
        {
            properties[PortDiagnosticProperties.CatalogType] = constant.CatalogMetadataName;
            properties[PortDiagnosticProperties.ConstantName] = constant.Name;
            var severity = portContext.IsNamedConstant ? DiagnosticSeverity.Info : PortRules.UseCatalogConstant.DefaultSeverity;
            context.ReportDiagnostic(Diagnostic.Create(PortRules.UseCatalogConstant, literal.GetLocation(), severity,
                additionalLocations: null, properties.ToImmutable(), text, constant.DisplayName));
        }
        else if (!portContext.IsNamedConstant)
        {
            context.ReportDiagnostic(Diagnostic.Create(PortRules.ExtractPortConstant, literal.GetLocation(), properties.ToImmutable(), text));
        }
    }

    // The generated catalogs compare and switch on ports themselves (TryGetInfo); they are the names, not users of them.
    private static bool IsInsideCatalog(SyntaxNode node, PortCatalogIndex index, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        for (var type = node.FirstAncestorOrSelf<TypeDeclarationSyntax>(); type is not null; type = type.Parent?.FirstAncestorOrSelf<TypeDeclarationSyntax>())
        {
            if (model.GetDeclaredSymbol(type, cancellationToken) is { } symbol && index.Catalogs.Contains(symbol))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryGetIntegerValue(object? value, out long result)
    {
        switch (value)
        {
            case int i:
                result = i;
                return true;
            case uint u:
                result = u;
                return true;
            case long l:
                result = l;
                return true;
            case ulong ul:
                result = ul > long.MaxValue ? long.MaxValue : (long)ul;
                return true;
            default:
                result = 0;
                return false;
        }
    }
}
