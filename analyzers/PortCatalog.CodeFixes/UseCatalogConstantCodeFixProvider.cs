using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using PortCatalog.Analyzers;

namespace PortCatalog.CodeFixes;

/// <summary>
/// PORT001: replaces the literal with the catalog constant the diagnostic names. Only the literal is replaced, so
/// casts (<c>(ushort)22</c>) and named arguments (<c>port: 22</c>) stay. The constant is written fully qualified and
/// then simplified: a <c>using</c> is added when that is unambiguous, otherwise the name stays qualified.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseCatalogConstantCodeFixProvider)), Shared]
public sealed class UseCatalogConstantCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(PortDiagnosticIds.UseCatalogConstant);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        static async (fixAllContext, document, diagnostics) => await ReplaceLiteralsAsync(document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(PortDiagnosticProperties.CatalogType, out var catalog) &&
                diagnostic.Properties.TryGetValue(PortDiagnosticProperties.ConstantName, out var constant) &&
                catalog is not null && constant is not null)
            {
                var display = catalog.Substring(catalog.LastIndexOf('.') + 1) + "." + constant;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use {display}",
                        cancellationToken => ReplaceLiteralsAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                        equivalenceKey: PortDiagnosticIds.UseCatalogConstant),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> ReplaceLiteralsAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var replacements = diagnostics
            .Select(diagnostic => (Literal: root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as LiteralExpressionSyntax, Diagnostic: diagnostic))
            .Where(pair => pair.Literal is not null && pair.Diagnostic.Properties.ContainsKey(PortDiagnosticProperties.ConstantName))
            .ToDictionary(pair => (SyntaxNode)pair.Literal!, pair => pair.Diagnostic);
        if (replacements.Count == 0)
        {
            return document;
        }

        var newRoot = root.ReplaceNodes(replacements.Keys, (original, _) => QualifiedConstant(replacements[original]).WithTriviaFrom(original));
        var changed = document.WithSyntaxRoot(newRoot);
        changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static ExpressionSyntax QualifiedConstant(Diagnostic diagnostic)
    {
        var catalog = diagnostic.Properties[PortDiagnosticProperties.CatalogType]!;
        var constant = diagnostic.Properties[PortDiagnosticProperties.ConstantName]!;
        return SyntaxFactory.ParseExpression("global::" + catalog + "." + constant)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation, Formatter.Annotation);
    }
}
