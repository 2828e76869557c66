using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PortCatalog.Analyzers.Contexts;

/// <summary>
/// The declaration scopes of a file, read from its syntax without descending into any member: the compilation unit,
/// its namespaces (block and file-scoped, nested ones too) and, when asked, its type declarations (nested ones too).
/// What the analyzers read per compilation from every file (catalog classes, using aliases) is found here, never by
/// building every type's symbol.
/// </summary>
internal static class DeclarationScopes
{
    /// <summary>The scopes of <paramref name="root"/>, the root itself first; the order of the rest is unspecified.</summary>
    public static IEnumerable<SyntaxNode> Of(SyntaxNode root, bool withTypes)
    {
        var scopes = new Stack<SyntaxNode>();
        scopes.Push(root);
        while (scopes.Count > 0)
        {
            var scope = scopes.Pop();
            yield return scope;

            var members = scope switch
            {
                CompilationUnitSyntax unit => unit.Members,
                BaseNamespaceDeclarationSyntax ns => ns.Members,
                TypeDeclarationSyntax type when withTypes => type.Members,
                _ => default,
            };
            foreach (var member in members)
            {
                if (member is BaseNamespaceDeclarationSyntax || (withTypes && member is TypeDeclarationSyntax))
                {
                    scopes.Push(member);
                }
            }
        }
    }
}
