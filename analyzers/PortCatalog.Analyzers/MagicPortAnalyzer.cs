using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
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
/// PORT001, PORT002, PORT003 and PORT005: numeric literals used where the code means a port.
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
        ImmutableArray.Create(PortRules.UseCatalogConstant, PortRules.ExtractPortConstant, PortRules.PortOutOfRange, PortRules.ConstantDuplicatesCatalog);

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
            (portContext.Callee is { } callee && index.Catalogs.Contains(callee.ContainingType)) ||
            generatedCode.IsGeneratedCode(literal, model, cancellationToken))
        {
            // Catalog lookups (WellKnownPorts.TryGetInfo(1433, ...)) look a number up; they do not hardcode it.
            return;
        }

        var text = value.ToString(CultureInfo.InvariantCulture);
        if (!isPortNumber)
        {
            if (!IsSentinel(value, portContext, valueNode))
            {
                context.ReportDiagnostic(Diagnostic.Create(PortRules.PortOutOfRange, valueNode.GetLocation(), text));
            }

            return;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[PortDiagnosticProperties.Port] = text;
        properties[PortDiagnosticProperties.ContextName] = portContext.Name;
        var constant = index.Names((int)value) ? FindConstant(index, (int)value, valueNode, portContext, model, cancellationToken) : null;
        if (constant is not null)
        {
            properties[PortDiagnosticProperties.CatalogType] = constant.CatalogMetadataName;
            properties[PortDiagnosticProperties.ConstantName] = constant.Name;
            var rule = portContext.IsNamedConstant ? PortRules.ConstantDuplicatesCatalog : PortRules.UseCatalogConstant;
            var name = portContext.IsNamedConstant ? portContext.Name : text;
            context.ReportDiagnostic(Diagnostic.Create(rule, literal.GetLocation(), properties.ToImmutable(), name, constant.DisplayName, text));
        }
        else if (!portContext.IsNamedConstant)
        {
            context.ReportDiagnostic(Diagnostic.Create(PortRules.ExtractPortConstant, literal.GetLocation(), properties.ToImmutable(), text));
        }
    }

    // A method of its own: a lambda in AnalyzeLiteral would allocate its closure on every call, for every literal.
    private static CatalogConstant? FindConstant(PortCatalogIndex index, int port, ExpressionSyntax valueNode, PortContext portContext, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        var node = PortContextFinder.ValueNode(valueNode);
        return index.Find(port, portContext.Name, () => ContextEvidence.Collect(node, portContext, model, cancellationToken));
    }

    /// <summary>
    /// Whether a value outside 0-65535 is a sentinel rather than a port that fails: compared for equality
    /// (<c>port == -1</c>, <c>case -1</c>), <c>-1</c> stored as "no port yet" (<c>port = -1;</c> on a Try method's failure
    /// path, <c>UriBuilder.Port = -1</c>, which .NET documents as the scheme's default, and so is <c>new UriBuilder(s, h, -1)</c>),
    /// or written on purpose inside an assertion that expects an exception (<c>Assert.Throws(() => new IPEndPoint(ip, -1))</c>).
    /// </summary>
    private static bool IsSentinel(long value, PortContext portContext, ExpressionSyntax valueNode)
    {
        if (portContext.Kind == PortContextKind.Equality)
        {
            return true;
        }

        if (value == -1 &&
            (portContext.Kind is PortContextKind.Stored ||
             portContext.Callee?.ContainingType is { Name: "UriBuilder", ContainingNamespace.Name: "System", ContainingNamespace.ContainingNamespace.IsGlobalNamespace: true }))
        {
            return true;
        }

        return IsInsideExceptionAssertion(valueNode) || IsInTestOfAFailure(valueNode);
    }

    // A test that sets up an invalid port and asserts the failure elsewhere in the same method:
    // `var options = new ProxyOptions { Port = 70000 }; Assert.Throws<...>(() => new Client(options));`.
    private static bool IsInTestOfAFailure(SyntaxNode node)
    {
        var member = node.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax);
        if (member is null)
        {
            return false;
        }

        foreach (var invocation in member.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (IsExceptionAssertion(invocation))
            {
                return true;
            }
        }

        return false;
    }

    // A lambda passed to an exception assertion.
    private static bool IsInsideExceptionAssertion(SyntaxNode node)
    {
        for (var parent = node.Parent; parent is not null and not MemberDeclarationSyntax; parent = parent.Parent)
        {
            if (parent is AnonymousFunctionExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } } &&
                IsExceptionAssertion(invocation))
            {
                return true;
            }
        }

        return false;
    }

    // Assert.Throws/ThrowsAsync/ThrowsAny/ThrowsExactly/ThrowsException, Record.Exception, FluentAssertions'
    // Invoking/Awaiting/Throw, NUnit's Assert.That(..., Throws.X).
    private static bool IsExceptionAssertion(InvocationExpressionSyntax invocation)
    {
        var name = PortContextFinder.NameOf(invocation.Expression) ?? string.Empty;
        if (name.StartsWith("Throw", System.StringComparison.Ordinal) || name is "Exception" or "ExceptionAsync" or "Invoking" or "Awaiting")
        {
            return true;
        }

        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            var text = argument.Expression.ToString();
            if (text.StartsWith("Throws.", System.StringComparison.Ordinal) || text.Contains(".Throws."))
            {
                return true;
            }
        }

        return false;
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
