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
    private static readonly string[] s_testFrameworkNamespaces = { "Xunit", "NUnit", "TUnit", "MSTest" };

    /// <summary>
    /// Whether <paramref name="value"/> sits in a syntactic position that can be a port context at all; most numeric
    /// literals (operands, indexes, returns) are rejected here before options or the semantic model are touched.
    /// </summary>
    public static bool IsCandidate(ExpressionSyntax value) => SkipTransparentParents(value).Parent switch
    {
        ArgumentSyntax or AttributeArgumentSyntax or EqualsValueClauseSyntax or ArrowExpressionClauseSyntax or
        CaseSwitchLabelSyntax or ConstantPatternSyntax or InitializerExpressionSyntax or ReturnStatementSyntax => true,
        AssignmentExpressionSyntax assignment => assignment.IsKind(SyntaxKind.SimpleAssignmentExpression),
        BinaryExpressionSyntax binary => IsEquality(binary),
        _ => false,
    };

    /// <summary>
    /// Finds the port context of <paramref name="value"/> (a literal, or a signed literal such as <c>-1</c>). Range
    /// bounds (<c>port &gt; 1024</c>, <c>is &lt; 1</c>) are no context: they compare with every port, not one; nor are
    /// names of client-side ports (<see cref="PortNames.IsClientSide"/>).
    /// </summary>
    public static bool TryFind(ExpressionSyntax value, PortAnalyzerOptions options, SemanticModel model, CancellationToken cancellationToken, out PortContext context)
    {
        context = default;
        var node = SkipTransparentParents(value);
        var found = node.Parent switch
        {
            ArgumentSyntax argument when argument.Expression == node => TryArgument(argument, options, model, cancellationToken, out context),
            AttributeArgumentSyntax argument when argument.Expression == node => TryAttributeArgument(argument, options, model, cancellationToken, out context),
            EqualsValueClauseSyntax equals when equals.Value == node => TryStoredName(equals, options, plural: false, out context),
            AssignmentExpressionSyntax assignment when assignment.Right == node && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) =>
                TryName(NameOf(assignment.Left), options, PortContextKind.Stored, out context),
            ArrowExpressionClauseSyntax arrow => TryName(MemberName(arrow.Parent), options, PortContextKind.Stored, out context),
            ReturnStatementSyntax @return => TryName(MemberName(EnclosingMember(@return)), options, PortContextKind.Stored, out context),
            BinaryExpressionSyntax comparison when IsEquality(comparison) =>
                TryName(NameOf(comparison.Left == node ? comparison.Right : comparison.Left), options, PortContextKind.Equality, out context),
            CaseSwitchLabelSyntax { Parent: SwitchSectionSyntax { Parent: SwitchStatementSyntax @switch } } =>
                TryName(NameOf(@switch.Expression), options, PortContextKind.Equality, out context),
            ConstantPatternSyntax pattern => TryName(PatternSubjectName(pattern), options, PortContextKind.Equality, out context),
            InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ComplexElementInitializerExpression) =>
                TryComplexElement(initializer, node, options, model, cancellationToken, out context),
            InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ArrayInitializerExpression) || initializer.IsKind(SyntaxKind.CollectionInitializerExpression) =>
                TryCollectionElement(initializer, options, out context),
            _ => false,
        };
        return found && !PortNames.IsClientSide(context.Name);
    }

    /// <summary>The literal with the parentheses, casts, conditionals and switch arms that pass its value on.</summary>
    public static SyntaxNode ValueNode(ExpressionSyntax value) => SkipTransparentParents(value);

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
        if (argument.Parent is not BaseArgumentListSyntax list || list.Parent is null)
        {
            return false;
        }

        if (list.Parent is TupleExpressionSyntax)
        {
            // A named tuple element names itself: `(port: 22, host)`.
            return argument.NameColon is { } element && TryName(element.Name.Identifier.ValueText, options, PortContextKind.Stored, out context);
        }

        var info = model.GetSymbolInfo(list.Parent, cancellationToken);
        var symbol = info.Symbol ?? SingleCandidateShape(info.CandidateSymbols, argument, list);
        var callee = symbol as IMethodSymbol;
        var parameters = symbol switch
        {
            IMethodSymbol method => method.Parameters,
            IPropertySymbol indexer => indexer.Parameters,
            _ => default,
        };
        var parameter = argument.NameColon is { } nameColon
            ? FindParameter(parameters, nameColon.Name.Identifier.ValueText)
            : ParameterAt(parameters, list.Arguments.IndexOf(argument));
        var name = argument.NameColon?.Name.Identifier.ValueText ?? parameter?.Name;
        var invoked = list.Parent is InvocationExpressionSyntax invocation ? NameOf(invocation.Expression) : null;

        // A one-argument call whose method names a port: WithPort(1080), SetPort(22), GetMappedPublicPort(22).
        if (invoked is not null && list.Arguments.Count == 1 && (name is null || !PortNames.IsPortName(name)) && PortNames.IsPortName(invoked))
        {
            context = new PortContext(invoked, PortContextKind.Argument, isNamedConstant: false, callee);
            return true;
        }

        if (name is null && invoked is not null && IsEqualityAssertion(invoked))
        {
            name = "expected";    // an assertion that did not bind (its framework is not referenced): its shape says enough
        }

        if (name is null)
        {
            return TryFluentAssertion(list, options, out context);
        }

        if (IsAssertionOperand(name))
        {
            // Assert.Equal(6379, endpoint.Port): the other operand says what the literal is.
            foreach (var other in list.Arguments)
            {
                if (other != argument && TryName(NameOf(other.Expression), options, PortContextKind.Equality, out context))
                {
                    context = new PortContext(context.Name, PortContextKind.Equality, isNamedConstant: false, callee);
                    return true;
                }
            }

            return TryFluentAssertion(list, options, out context);
        }

        if (!TryName(name, options, PortContextKind.Argument, out context, plural: parameter?.IsParams == true))
        {
            return false;
        }

        context = new PortContext(context.Name, PortContextKind.Argument, isNamedConstant: false, callee);
        return true;
    }

    private static IParameterSymbol? FindParameter(System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters, string name)
    {
        if (!parameters.IsDefault)
        {
            foreach (var parameter in parameters)
            {
                if (parameter.Name == name)
                {
                    return parameter;
                }
            }
        }

        return null;
    }

    // When overload resolution failed but every candidate has the same parameter at this position, that is the one.
    private static ISymbol? SingleCandidateShape(System.Collections.Immutable.ImmutableArray<ISymbol> candidates, ArgumentSyntax argument, BaseArgumentListSyntax list)
    {
        if (candidates.IsDefaultOrEmpty || argument.NameColon is not null)
        {
            return null;
        }

        var index = list.Arguments.IndexOf(argument);
        string? name = null;
        foreach (var candidate in candidates)
        {
            var parameter = candidate is IMethodSymbol method ? ParameterAt(method.Parameters, index) : null;
            if (parameter is null || (name is not null && parameter.Name != name))
            {
                return null;
            }

            name = parameter.Name;
        }

        return candidates[0];
    }

    private static bool IsEqualityAssertion(string name) => name is "Equal" or "NotEqual" or "AreEqual" or "AreNotEqual" or "EqualTo" or "Be" or "NotBe";

    // NUnit's Assert.That(endpoint.Port, Is.EqualTo(6379)) and FluentAssertions' endpoint.Port.Should().Be(6379).
    private static bool TryFluentAssertion(BaseArgumentListSyntax list, PortAnalyzerOptions options, out PortContext context)
    {
        context = default;
        if (list.Parent is not InvocationExpressionSyntax invocation || list.Arguments.Count != 1)
        {
            return false;
        }

        var invoked = NameOf(invocation.Expression);
        if (invoked is "EqualTo" or "NotEqualTo" &&
            invocation.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax that } constraintList } &&
            NameOf(that.Expression) == "That" && constraintList.Arguments.Count >= 2)
        {
            return TryName(NameOf(constraintList.Arguments[0].Expression), options, PortContextKind.Equality, out context);
        }

        if (invoked is "Be" or "NotBe" &&
            invocation.Expression is MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Should" } should } })
        {
            return TryName(NameOf(should.Expression), options, PortContextKind.Equality, out context);
        }

        return false;
    }

    // The operands of xUnit, NUnit and MSTest equality assertions.
    private static bool IsAssertionOperand(string parameterName) => parameterName is "expected" or "actual" or "notExpected" or "expectedValue";

    // `EndPoints = { { "127.0.0.1", 6379 } }`: the element is passed to the collection's Add(host, port).
    private static bool TryComplexElement(InitializerExpressionSyntax element, SyntaxNode value, PortAnalyzerOptions options, SemanticModel model, CancellationToken cancellationToken, out PortContext context)
    {
        context = default;
        if (model.GetCollectionInitializerSymbolInfo(element, cancellationToken).Symbol is not IMethodSymbol add ||
            ParameterAt(add.Parameters, element.Expressions.IndexOf((ExpressionSyntax)value)) is not { } parameter ||
            !TryName(parameter.Name, options, PortContextKind.Argument, out context))
        {
            return false;
        }

        context = new PortContext(context.Name, PortContextKind.Argument, isNamedConstant: false, add);
        return true;
    }

    // The member a `return` belongs to; none inside a lambda or anonymous method (their name is not the member's).
    private static SyntaxNode? EnclosingMember(SyntaxNode node)
    {
        for (var parent = node.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case AnonymousFunctionExpressionSyntax:
                    return null;
                case AccessorDeclarationSyntax accessor:
                    return accessor.IsKind(SyntaxKind.GetAccessorDeclaration) ? accessor.Parent?.Parent : null;
                case MemberDeclarationSyntax or LocalFunctionStatementSyntax:
                    return parent;
            }
        }

        return null;
    }

    // The name of a property (`int Port => 22`, `get { return 22; }`), method (`int GetPort() => 22`) or local function.
    private static string? MemberName(SyntaxNode? member) => member switch
    {
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        LocalFunctionStatementSyntax local => local.Identifier.ValueText,
        AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax property } accessor when accessor.IsKind(SyntaxKind.GetAccessorDeclaration) =>
            property.Identifier.ValueText,
        _ => null,
    };

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
            return TryName(nameEquals.Name.Identifier.ValueText, options, PortContextKind.Stored, out context);
        }

        if (argument.NameColon is { } nameColon)
        {
            return TryName(nameColon.Name.Identifier.ValueText, options, PortContextKind.Argument, out context);
        }

        var list = (AttributeArgumentListSyntax)argument.Parent;
        var parameter = ParameterAt(constructor.Parameters, list.Arguments.IndexOf(argument));
        return parameter is not null &&
               TryName(parameter.Name, options, PortContextKind.Argument, out context, plural: parameter.IsParams);
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

    /// <summary>Whether <paramref name="type"/> belongs to a test framework (xUnit, NUnit, MSTest, TUnit): its attributes hold test data.</summary>
    public static bool IsTestFrameworkType(INamedTypeSymbol type)
    {
        // The namespace's names from the outside in, without building its display string (this runs for every
        // attribute argument).
        var outer = type.ContainingNamespace;
        INamespaceSymbol? second = null, third = null;
        while (outer is { IsGlobalNamespace: false, ContainingNamespace.IsGlobalNamespace: false })
        {
            third = second;
            second = outer;
            outer = outer.ContainingNamespace;
        }

        if (outer is null || outer.IsGlobalNamespace)
        {
            return false;
        }

        foreach (var prefix in s_testFrameworkNamespaces)
        {
            if (outer.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        // Microsoft.VisualStudio.TestTools*
        return outer.Name == "Microsoft" && second?.Name == "VisualStudio" && third is not null && third.Name.StartsWith("TestTools", StringComparison.Ordinal);
    }

    // The value of `int port = 22`, `int Port { get; } = 22`, `void F(int port = 22)`, `enum E { SshPort = 22 }`, and of
    // any member of a class named like a ports table (`static class DefaultPorts { public const int Redis = 6379; }`).
    private static bool TryStoredName(EqualsValueClauseSyntax equals, PortAnalyzerOptions options, bool plural, out PortContext context)
    {
        var kind = plural ? PortContextKind.Element : PortContextKind.Stored;
        switch (equals.Parent)
        {
            case VariableDeclaratorSyntax declarator:
                var isConst = IsConstDeclaration(declarator);
                return TryName(declarator.Identifier.ValueText, options, kind, out context, plural, isConst) ||
                       (!plural && declarator.Parent?.Parent is FieldDeclarationSyntax field && IsPortsTable(field.Parent) &&
                        Named(declarator.Identifier.ValueText, kind, isConst, out context));
            case PropertyDeclarationSyntax property:
                return TryName(property.Identifier.ValueText, options, kind, out context, plural) ||
                       (!plural && IsPortsTable(property.Parent) && Named(property.Identifier.ValueText, kind, isNamedConstant: false, out context));
            case ParameterSyntax parameter:
                return TryName(parameter.Identifier.ValueText, options, kind, out context, plural);
            case EnumMemberDeclarationSyntax member when !plural:
                return TryName(member.Identifier.ValueText, options, kind, out context, plural, isNamedConstant: true) ||
                       (IsPortsTable(member.Parent) && Named(member.Identifier.ValueText, kind, isNamedConstant: true, out context));
            default:
                context = default;
                return false;
        }
    }

    // A type whose name says it lists ports: DefaultPorts, KnownPorts, ServicePorts, Ports.
    private static bool IsPortsTable(SyntaxNode? type) =>
        type is BaseTypeDeclarationSyntax declaration && PortNames.IsPortsName(declaration.Identifier.ValueText);

    private static bool Named(string name, PortContextKind kind, bool isNamedConstant, out PortContext context)
    {
        context = new PortContext(name, kind, isNamedConstant, callee: null);
        return true;
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
            AssignmentExpressionSyntax assignment when assignment.Right == owner => TryName(NameOf(assignment.Left), options, PortContextKind.Element, out context, plural: true),
            _ => false,
        };
    }

    private static bool TryName(string? name, PortAnalyzerOptions options, PortContextKind kind, out PortContext context, bool plural = false, bool isNamedConstant = false)
    {
        if (name is not null &&
            ((plural ? PortNames.IsPortsName(name) : PortNames.IsPortName(name)) || options.IsExtraPortName(name)))
        {
            context = new PortContext(name, kind, isNamedConstant, callee: null);
            return true;
        }

        context = default;
        return false;
    }

    private static bool IsEquality(BinaryExpressionSyntax binary) => binary.Kind() is SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression;

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

    /// <summary>An attribute's name as written, without qualifier: <c>[Xunit.InlineData]</c> → <c>InlineData</c>, <c>[global::X.PortCatalog]</c> → <c>PortCatalog</c>.</summary>
    public static string AttributeName(AttributeSyntax attribute) => attribute.Name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };

    /// <summary>The name an expression ends in: <c>port</c>, <c>endpoint.Port</c>, <c>uri?.Port</c>, <c>(int)x.Port</c>, <c>Connect(...)</c>.</summary>
    public static string? NameOf(ExpressionSyntax? expression)
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
                case GenericNameSyntax generic:
                    return generic.Identifier.ValueText;
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
