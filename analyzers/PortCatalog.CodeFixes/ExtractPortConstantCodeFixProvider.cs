using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using PortCatalog.Analyzers;
using PortCatalog.Analyzers.Contexts;

namespace PortCatalog.CodeFixes;

/// <summary>
/// PORT002: introduces <c>private const int XxxPort = n;</c> in the enclosing type and uses it. The name comes from
/// the context (<c>smtpPort</c> → <c>SmtpPort</c>; a bare <c>port</c> → <c>DefaultPort</c>), made unique in the type and
/// scope; a constant of the type that already holds the value under that name is reused. Literals outside a type
/// (top-level statements) and in interfaces get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ExtractPortConstantCodeFixProvider)), Shared]
public sealed class ExtractPortConstantCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(PortDiagnosticIds.ExtractPortConstant);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        static async (fixAllContext, document, diagnostics) => await ExtractAsync(document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal &&
                EnclosingType(literal) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Extract a named port constant",
                        cancellationToken => ExtractAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                        equivalenceKey: PortDiagnosticIds.ExtractPortConstant),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> ExtractAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var planned = new Dictionary<TypeDeclarationSyntax, Dictionary<string, int>>();   // per type: new constant name → value
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal ||
                EnclosingType(literal) is not { } type ||
                !diagnostic.Properties.TryGetValue(PortDiagnosticProperties.Port, out var portText) ||
                !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(PortDiagnosticProperties.ContextName, out var contextName);
            if (!planned.TryGetValue(type, out var names))
            {
                planned[type] = names = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            var name = ChooseName(BaseName(contextName ?? string.Empty), port, type, literal, model, names, cancellationToken);
            editor.ReplaceNode(literal, SyntaxFactory.IdentifierName(name).WithTriviaFrom(literal));
        }

        foreach (var pair in planned)
        {
            var newFields = pair.Value
                .Select(constant => ConstantDeclaration(constant.Key, constant.Value))
                .ToArray();
            if (newFields.Length > 0)
            {
                editor.InsertMembers(pair.Key, InsertionIndex(pair.Key), newFields);
            }
        }

        var changed = editor.GetChangedDocument();
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static TypeDeclarationSyntax? EnclosingType(SyntaxNode node)
    {
        var type = node.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        return type is InterfaceDeclarationSyntax ? null : type;
    }

    // After the type's last constant, else first: constants lead a type.
    private static int InsertionIndex(TypeDeclarationSyntax type)
    {
        var index = 0;
        for (var i = 0; i < type.Members.Count; i++)
        {
            if (type.Members[i] is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword))
            {
                index = i + 1;
            }
        }

        return index;
    }

    private static FieldDeclarationSyntax ConstantDeclaration(string name, int port) =>
        SyntaxFactory.FieldDeclaration(
                SyntaxFactory.VariableDeclaration(
                    SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.IntKeyword)),
                    SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.VariableDeclarator(name).WithInitializer(
                            SyntaxFactory.EqualsValueClause(SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(port)))))))
            .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword), SyntaxFactory.Token(SyntaxKind.ConstKeyword)))
            .WithAdditionalAnnotations(Formatter.Annotation);

    /// <summary>The constant's name before making it unique: the context's service words in PascalCase + <c>Port</c>.</summary>
    internal static string BaseName(string contextName)
    {
        var stem = PortNames.ServiceStem(contextName);
        var name = new StringBuilder();
        foreach (var word in stem.Split(new[] { '_' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var isShout = word.All(c => !char.IsLower(c));
            name.Append(char.ToUpperInvariant(word[0]));
            name.Append(isShout ? word.Substring(1).ToLowerInvariant() : word.Substring(1));
        }

        if (name.Length == 0 || !SyntaxFacts.IsIdentifierStartCharacter(name[0]))
        {
            name.Insert(0, "Default");
        }

        return name.Append("Port").ToString();
    }

    private static string ChooseName(string baseName, int port, TypeDeclarationSyntax type, SyntaxNode literal, SemanticModel model,
        Dictionary<string, int> planned, CancellationToken cancellationToken)
    {
        var typeSymbol = model.GetDeclaredSymbol(type, cancellationToken);
        for (var suffix = 1; ; suffix++)
        {
            var name = suffix == 1 ? baseName : baseName + suffix.ToString(CultureInfo.InvariantCulture);
            if (planned.TryGetValue(name, out var plannedPort))
            {
                if (plannedPort == port)
                {
                    return name;
                }

                continue;
            }

            var visible = model.LookupSymbols(literal.SpanStart, name: name);
            var existing = typeSymbol?.GetMembers(name) ?? ImmutableArray<ISymbol>.Empty;
            if (existing.Length == 1 && existing[0] is IFieldSymbol { IsConst: true, ConstantValue: int value } field && value == port &&
                visible.Length == 1 && SymbolEqualityComparer.Default.Equals(visible[0], field))
            {
                return name;   // the type already names this port so
            }

            if (visible.IsEmpty && existing.IsEmpty && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None)
            {
                planned[name] = port;
                return name;
            }
        }
    }
}
