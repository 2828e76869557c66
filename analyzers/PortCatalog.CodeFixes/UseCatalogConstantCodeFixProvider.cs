using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
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
/// PORT001 and PORT005: replaces the literal with the catalog constant the diagnostic names. Only the literal is replaced, so
/// casts (<c>(ushort)22</c>) and named arguments (<c>port: 22</c>) stay. The constant is written fully qualified and
/// then simplified: a <c>using</c> is added when that is unambiguous, otherwise the name stays qualified.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseCatalogConstantCodeFixProvider)), Shared]
public sealed class UseCatalogConstantCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(PortDiagnosticIds.UseCatalogConstant, PortDiagnosticIds.ConstantDuplicatesCatalog);

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
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var replacements = new Dictionary<SyntaxNode, ExpressionSyntax>();
        var needsImport = false;
        foreach (var diagnostic in diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal &&
                diagnostic.Properties.TryGetValue(PortDiagnosticProperties.CatalogType, out var catalogName) && catalogName is not null &&
                diagnostic.Properties.TryGetValue(PortDiagnosticProperties.ConstantName, out var constant) && constant is not null)
            {
                var replacement = Reference(model, literal.SpanStart, catalogName, constant, out var importsNamespace);
                needsImport |= importsNamespace;
                replacements[literal] = replacement.WithTriviaFrom(literal);
            }
        }

        if (replacements.Count == 0)
        {
            return document;
        }

        var changed = document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
        if (needsImport)
        {
            changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    // `Catalog.Constant` when the catalog's simple name already binds to it here; otherwise the qualified name, simplified
    // after a using is added when no other type of that name is in scope, and left qualified when one is.
    private static ExpressionSyntax Reference(SemanticModel model, int position, string catalogName, string constant, out bool importsNamespace)
    {
        var simpleName = catalogName.Substring(catalogName.LastIndexOf('.') + 1);
        var catalog = model.Compilation.GetTypeByMetadataName(catalogName);
        var inScope = model.LookupNamespacesAndTypes(position, name: simpleName);
        importsNamespace = false;
        if (catalog is not null && inScope.Length == 1 && SymbolEqualityComparer.Default.Equals(inScope[0], catalog))
        {
            return SyntaxFactory.ParseExpression(simpleName + "." + constant);
        }

        var qualified = SyntaxFactory.ParseExpression("global::" + catalogName + "." + constant).WithAdditionalAnnotations(Simplifier.Annotation);
        if (inScope.IsEmpty && catalogName.Contains("."))
        {
            importsNamespace = true;
            qualified = qualified.WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
        }

        return qualified;
    }
}
