using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PortCatalog.Analyzers.Contexts;

/// <summary>
/// The names and strings around a port literal, as words, which say which service the code means. Collected only
/// for a literal a catalog names (rare), so it may bind symbols.
/// <list type="bullet">
/// <item><see cref="Names"/>: every name that may agree with a catalog entry: the context's own name (<c>redisPort</c>),
/// the called method and its receiver, the created type, the other arguments (names and the words of strings such as
/// host names), the sibling members of an object initializer, and the enclosing members and types.</item>
/// <item><see cref="Contradicting"/>: the names that may speak of another service: the same, except the context's own
/// name, host names (<c>smtp.example.org</c> on 587 is mail submission, not SMTP's 25) and the names of framework
/// types and methods (<c>DnsEndPoint</c>, <c>SmtpClient</c>), which carry any port; URL schemes do count.</item>
/// </list>
/// Each name is kept as its own word list, so that a multi-word catalog name (<c>CassandraInternode</c>) matches the
/// words of one identifier and never words of two.
/// </summary>
internal sealed class ContextEvidence
{
    private ContextEvidence(List<List<string>> names, List<List<string>> contradicting)
    {
        Names = names;
        Contradicting = contradicting;
    }

    /// <summary>Names that may agree with a catalog entry, each split into lower-case words.</summary>
    public List<List<string>> Names { get; }

    /// <summary>Names that may name another service, each split into lower-case words.</summary>
    public List<List<string>> Contradicting { get; }

    /// <summary>Collects the evidence around <paramref name="value"/> (the literal with its transparent parents).</summary>
    public static ContextEvidence Collect(SyntaxNode value, PortContext context, SemanticModel model, CancellationToken cancellationToken)
    {
        var evidence = new ContextEvidence(new List<List<string>>(), new List<List<string>>());
        evidence.Add(context.Name, contradicts: false);
        switch (value.Parent)
        {
            case ArgumentSyntax { Parent: BaseArgumentListSyntax list } argument:
                evidence.AddArguments(list.Arguments, argument);
                evidence.AddCallee(list.Parent, context.Callee);
                break;
            case AssignmentExpressionSyntax assignment:
                evidence.AddReceiver(assignment.Left);
                if (assignment.Parent is InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax creation } initializer)
                {
                    evidence.AddCreatedType(creation, model, cancellationToken);
                    evidence.AddInitializerSiblings(initializer, assignment);
                }

                break;
            case InitializerExpressionSyntax element when element.IsKind(SyntaxKind.ComplexElementInitializerExpression):
                foreach (var sibling in element.Expressions)
                {
                    evidence.AddValue(sibling);
                }

                break;
        }

        evidence.AddEnclosingNames(value);
        return evidence;
    }

    private void Add(string? text, bool contradicts)
    {
        var words = NameWords.Of(text);
        if (words.Count == 0)
        {
            return;
        }

        Names.Add(words);
        if (contradicts)
        {
            Contradicting.Add(words);
        }
    }

    private void AddArguments(SeparatedSyntaxList<ArgumentSyntax> arguments, ArgumentSyntax self)
    {
        foreach (var argument in arguments)
        {
            if (argument != self)
            {
                AddValue(argument.Expression);
            }
        }
    }

    // A sibling value: a string's words (a URL's scheme also contradicts), or the name an expression ends in.
    private void AddValue(ExpressionSyntax expression)
    {
        if (expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            var text = literal.Token.ValueText;
            if (text.Length > 200)
            {
                return;
            }

            Add(text, contradicts: false);
            var separator = text.IndexOf("://", StringComparison.Ordinal);
            if (separator > 0)
            {
                Add(text.Substring(0, separator), contradicts: true);
            }
        }
        else
        {
            Add(PortContextFinder.NameOf(expression), contradicts: true);
        }
    }

    private void AddCallee(SyntaxNode? call, IMethodSymbol? callee)
    {
        var isFramework = callee is not null && IsFramework(callee.ContainingType);
        switch (call)
        {
            case InvocationExpressionSyntax invocation:
                Add(PortContextFinder.NameOf(invocation.Expression), contradicts: !isFramework);
                AddReceiver(invocation.Expression);

                break;
            case ObjectCreationExpressionSyntax creation:
                Add(TypeName(creation.Type), contradicts: !isFramework);
                break;
        }
    }

    // `redis.Port = 7000` → redis; `redisServer.Listen(7000)` → redisServer.
    private void AddReceiver(ExpressionSyntax expression)
    {
        if (expression is MemberAccessExpressionSyntax { Expression: var receiver } && receiver is not ThisExpressionSyntax)
        {
            Add(PortContextFinder.NameOf(receiver), contradicts: true);
        }
    }

    private void AddCreatedType(BaseObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
    {
        var type = model.GetTypeInfo(creation, cancellationToken).Type as INamedTypeSymbol;
        if (type is not null)
        {
            Add(type.Name, contradicts: !IsFramework(type));
        }
    }

    private void AddInitializerSiblings(InitializerExpressionSyntax initializer, AssignmentExpressionSyntax self)
    {
        foreach (var expression in initializer.Expressions)
        {
            if (expression is AssignmentExpressionSyntax sibling && sibling != self &&
                sibling.Right is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                AddValue(literal);
            }
        }
    }

    // The members and types the literal is written in: `class RedisClusterTests { void ConnectsToNode() { ... } }`.
    private void AddEnclosingNames(SyntaxNode value)
    {
        for (var node = value.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case MethodDeclarationSyntax method:
                    Add(method.Identifier.ValueText, contradicts: true);
                    break;
                case LocalFunctionStatementSyntax local:
                    Add(local.Identifier.ValueText, contradicts: true);
                    break;
                case PropertyDeclarationSyntax property:
                    Add(property.Identifier.ValueText, contradicts: true);
                    break;
                case BaseTypeDeclarationSyntax type:
                    Add(type.Identifier.ValueText, contradicts: true);
                    break;
                case BaseNamespaceDeclarationSyntax:
                    return;
            }
        }
    }

    private static string? TypeName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        _ => null,
    };

    // Framework types carry any port: `SmtpClient("mail", 587)` and `DnsEndPoint("cache", 6379)` name no other service.
    private static bool IsFramework(INamedTypeSymbol? type)
    {
        var ns = type?.ContainingNamespace;
        while (ns is { IsGlobalNamespace: false, ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { Name: "System" or "Microsoft" };
    }
}
