using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PortCatalog.Analyzers.Configuration;

namespace PortCatalog.Analyzers.Contexts;

/// <summary>
/// Decides whether a numeric literal is used where the code means a port. Everything is syntactic except binding a
/// positional argument to its parameter, so the common case (a literal that is no port) costs a few parent checks.
/// </summary>
internal static class PortContextFinder
{
    private static readonly string[] s_testFrameworkNamespaces = { "Xunit", "NUnit", "Microsoft.VisualStudio.TestTools", "TUnit", "MSTest" };

    /// <summary>
    /// Whether <paramref name="value"/> sits in a syntactic position that can be a port context at all; most numeric
    /// literals (operands, indexes, returns) are rejected here before options or the semantic model are touched.
    /// </summary>
    public static bool IsCandidate(ExpressionSyntax value) => SkipTransparentParents(value).Parent switch
    {
        ArgumentSyntax or AttributeArgumentSyntax or EqualsValueClauseSyntax or ArrowExpressionClauseSyntax or
        CaseSwitchLabelSyntax or ConstantPatternSyntax or RelationalPatternSyntax or InitializerExpressionSyntax => true,
        AssignmentExpressionSyntax assignment => assignment.IsKind(SyntaxKind.SimpleAssignmentExpression),
        BinaryExpressionSyntax binary => IsComparison(binary),
        _ => false,
    };

    /// <summary>Finds the port context of <paramref name="value"/> (a literal, or a signed literal such as <c>-1</c>).</summary>
    public static bool TryFind(ExpressionSyntax value, PortAnalyzerOptions options, SemanticModel model, CancellationToken cancellationToken, out PortContext context)
    {
        context = default;
        var node = SkipTransparentParents(value);
        switch (node.Parent)
        {
            case ArgumentSyntax argument when argument.Expression == node:
                return TryArgument(argument, options, model, cancellationToken, out context);

            case AttributeArgumentSyntax argument when argument.Expression == node:
                return TryAttributeArgument(argument, options, model, cancellationToken, out context);

            case EqualsValueClauseSyntax equals when equals.Value == node:
                return TryStoredName(equals, options, plural: false, out context);

            case AssignmentExpressionSyntax assignment when assignment.Right == node && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                return TryName(NameOf(assignment.Left), options, plural: false, isNamedConstant: false, out context);

            case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                return TryName(property.Identifier.ValueText, options, plural: false, isNamedConstant: false, out context);

            case BinaryExpressionSyntax comparison when IsComparison(comparison):
                return TryName(NameOf(comparison.Left == node ? comparison.Right : comparison.Left), options, plural: false, isNamedConstant: false, out context);

            case CaseSwitchLabelSyntax { Parent: SwitchSectionSyntax { Parent: SwitchStatementSyntax @switch } }:
                return TryName(NameOf(@switch.Expression), options, plural: false, isNamedConstant: false, out context);

            case ConstantPatternSyntax pattern:
                return TryName(PatternSubjectName(pattern), options, plural: false, isNamedConstant: false, out context);

            case RelationalPatternSyntax pattern:
                return TryName(PatternSubjectName(pattern), options, plural: false, isNamedConstant: false, out context);

            case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ArrayInitializerExpression) || initializer.IsKind(SyntaxKind.CollectionInitializerExpression):
                return TryCollectionElement(initializer, options, out context);

            default:
                return false;
        }
    }

    // Parentheses, casts, checked(), both arms of ?:, the right of ??, and a switch-expression arm pass the value on.
    private static SyntaxNode SkipTransparentParents(ExpressionSyntax value)
    {
        SyntaxNode node = value;
        while (true)
        {
            switch (node.Parent)
            {
                case ParenthesizedExpressionSyntax:
                case CastExpressionSyntax cast when cast.Expression == node:
                case CheckedExpressionSyntax:
                case ConditionalExpressionSyntax conditional when conditional.Condition != node:
                case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression) && coalesce.Right == node:
                    node = node.Parent;
                    continue;
                case SwitchExpressionArmSyntax arm when arm.Expression == node && arm.Parent is SwitchExpressionSyntax switchExpression:
                    node = switchExpression;
                    continue;
                default:
                    return node;
            }
        }
    }

    private static bool TryArgument(ArgumentSyntax argument, PortAnalyzerOptions options, SemanticModel model, CancellationToken cancellationToken, out PortContext context)
    {
        context = default;
        if (argument.NameColon is { } nameColon)
        {
            // A named argument or a named tuple element names itself.
            return TryName(nameColon.Name.Identifier.ValueText, options, plural: false, isNamedConstant: false, out context);
        }

        if (argument.Parent is not BaseArgumentListSyntax list || list.Parent is null or TupleExpressionSyntax)
        {
            return false;
        }

        var parameters = model.GetSymbolInfo(list.Parent, cancellationToken).Symbol switch
        {
            IMethodSymbol method => method.Parameters,
            IPropertySymbol indexer => indexer.Parameters,
            _ => default,
        };
        var parameter = ParameterAt(parameters, list.Arguments.IndexOf(argument));
        return parameter is not null &&
               TryName(parameter.Name, options, plural: parameter.IsParams, isNamedConstant: false, out context);
    }

    private static bool TryAttributeArgument(AttributeArgumentSyntax argument, PortAnalyzerOptions options, SemanticModel model, CancellationToken cancellationToken, out PortContext context)
    {
        context = default;
        if (argument.Parent?.Parent is not AttributeSyntax attribute ||
            model.GetSymbolInfo(attribute, cancellationToken).Symbol is not IMethodSymbol constructor ||
            IsTestFrameworkType(constructor.ContainingType))
        {
            return false;   // [InlineData(22)], [TestCase(22)]: test data, not ports.
        }

        if (argument.NameEquals is { } nameEquals)
        {
            return TryName(nameEquals.Name.Identifier.ValueText, options, plural: false, isNamedConstant: false, out context);
        }

        if (argument.NameColon is { } nameColon)
        {
            return TryName(nameColon.Name.Identifier.ValueText, options, plural: false, isNamedConstant: false, out context);
        }

        var list = (AttributeArgumentListSyntax)argument.Parent;
        var parameter = ParameterAt(constructor.Parameters, list.Arguments.IndexOf(argument));
        return parameter is not null &&
               TryName(parameter.Name, options, plural: parameter.IsParams, isNamedConstant: false, out context);
    }

    private static IParameterSymbol? ParameterAt(System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters, int index)
    {
        if (parameters.IsDefaultOrEmpty || index < 0)
        {
            return null;
        }

        if (index < parameters.Length)
        {
            return parameters[index];
        }

        var last = parameters[parameters.Length - 1];
        return last.IsParams ? last : null;
    }

    private static bool IsTestFrameworkType(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        foreach (var prefix in s_testFrameworkNamespaces)
        {
            if (ns.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // The value of `int port = 22`, `int Port { get; } = 22`, `void F(int port = 22)`, `enum E { SshPort = 22 }`.
    private static bool TryStoredName(EqualsValueClauseSyntax equals, PortAnalyzerOptions options, bool plural, out PortContext context)
    {
        switch (equals.Parent)
        {
            case VariableDeclaratorSyntax declarator:
                return TryName(declarator.Identifier.ValueText, options, plural, IsConstDeclaration(declarator), out context);
            case PropertyDeclarationSyntax property:
                return TryName(property.Identifier.ValueText, options, plural, isNamedConstant: false, out context);
            case ParameterSyntax parameter:
                return TryName(parameter.Identifier.ValueText, options, plural, isNamedConstant: false, out context);
            case EnumMemberDeclarationSyntax member when !plural:
                return TryName(member.Identifier.ValueText, options, plural, isNamedConstant: true, out context);
            default:
                context = default;
                return false;
        }
    }

    private static bool IsConstDeclaration(VariableDeclaratorSyntax declarator) => declarator.Parent?.Parent switch
    {
        LocalDeclarationStatementSyntax local => local.IsConst,
        FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.ConstKeyword),
        _ => false,
    };

    // An element of `int[] ports = { 22, 80 }`, `AllowedPorts = { 22 }`, `var ports = new List<int> { 22 }`.
    private static bool TryCollectionElement(InitializerExpressionSyntax initializer, PortAnalyzerOptions options, out PortContext context)
    {
        context = default;
        SyntaxNode owner = initializer;
        if (owner.Parent is ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or BaseObjectCreationExpressionSyntax)
        {
            owner = owner.Parent;
        }

        return owner.Parent switch
        {
            EqualsValueClauseSyntax equals => TryStoredName(equals, options, plural: true, out context),
            AssignmentExpressionSyntax assignment when assignment.Right == owner => TryName(NameOf(assignment.Left), options, plural: true, isNamedConstant: false, out context),
            _ => false,
        };
    }

    private static bool TryName(string? name, PortAnalyzerOptions options, bool plural, bool isNamedConstant, out PortContext context)
    {
        if (name is not null &&
            ((plural ? PortNames.IsPortsName(name) : PortNames.IsPortName(name)) || options.IsExtraPortName(name)))
        {
            context = new PortContext(name, isNamedConstant);
            return true;
        }

        context = default;
        return false;
    }

    private static bool IsComparison(BinaryExpressionSyntax binary) => binary.Kind() is
        SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression or
        SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression or
        SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression;

    // The expression a pattern tests: `x.Port is 22 or 80`, `case 22 when`, `port switch { 22 => … }`, `{ Port: 22 }`.
    private static string? PatternSubjectName(PatternSyntax pattern)
    {
        SyntaxNode node = pattern;
        while (node.Parent is BinaryPatternSyntax or ParenthesizedPatternSyntax or UnaryPatternSyntax)
        {
            node = node.Parent;
        }

        return node.Parent switch
        {
            IsPatternExpressionSyntax isPattern => NameOf(isPattern.Expression),
            CasePatternSwitchLabelSyntax { Parent: SwitchSectionSyntax { Parent: SwitchStatementSyntax @switch } } => NameOf(@switch.Expression),
            SwitchExpressionArmSyntax { Parent: SwitchExpressionSyntax @switch } => NameOf(@switch.GoverningExpression),
            SubpatternSyntax { ExpressionColon: { } member } => NameOf(member.Expression),
            _ => null,
        };
    }

    /// <summary>The name an expression ends in: <c>port</c>, <c>endpoint.Port</c>, <c>uri?.Port</c>, <c>(int)x.Port</c>.</summary>
    private static string? NameOf(ExpressionSyntax? expression)
    {
        while (true)
        {
            switch (expression)
            {
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText;
                case MemberAccessExpressionSyntax memberAccess:
                    return memberAccess.Name.Identifier.ValueText;
                case MemberBindingExpressionSyntax memberBinding:
                    return memberBinding.Name.Identifier.ValueText;
                case ConditionalAccessExpressionSyntax conditionalAccess:
                    expression = conditionalAccess.WhenNotNull;
                    continue;
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    continue;
                case PostfixUnaryExpressionSyntax suppression when suppression.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    expression = suppression.Operand;
                    continue;
                default:
                    return null;
            }
        }
    }
}
