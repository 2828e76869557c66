using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PortCatalog.Analyzers.Contexts;

namespace PortCatalog.Analyzers.Catalogs;

/// <summary>
/// Every port catalog a compilation can see, indexed by port. Discovered once per compilation:
/// <list type="bullet">
/// <item><c>PortCatalog.WellKnownPorts</c> by metadata name (the built-in catalog in PortCatalog.dll);</item>
/// <item>types of the compilation's own assembly marked <c>[PortCatalog.PortCatalog]</c> (generated user catalogs);</item>
/// <item>marked public types of referenced assemblies that themselves reference PortCatalog.dll (user libraries
/// with their own tables; framework and unrelated assemblies are never walked, which keeps discovery cheap).</item>
/// </list>
/// </summary>
internal sealed class PortCatalogIndex
{
    public const string WellKnownPortsMetadataName = "PortCatalog.WellKnownPorts";
    public const string AttributeMetadataName = "PortCatalog.PortCatalogAttribute";
    public const string ClaimAttributeMetadataName = "PortCatalog.PortClaimAttribute";

    private static readonly ConditionalWeakTable<Compilation, Lazy<PortCatalogIndex>> s_cache = new();
    private static readonly ConditionalWeakTable<INamedTypeSymbol, CachedConstants> s_constants = new();

    private readonly Dictionary<int, ImmutableArray<CatalogConstant>> _byPort;
    private readonly ImmutableHashSet<SyntaxTree> _catalogTrees;
    private readonly HashSet<string> _strongKeys;

    private PortCatalogIndex(Dictionary<int, ImmutableArray<CatalogConstant>> byPort, ImmutableHashSet<INamedTypeSymbol> catalogs, ImmutableHashSet<SyntaxTree> catalogTrees)
    {
        _byPort = byPort;
        _strongKeys = new HashSet<string>(byPort.Values.SelectMany(list => list).Where(c => !c.IsWeakClaim).Select(c => c.Key), StringComparer.Ordinal);
        Catalogs = catalogs;
        _catalogTrees = catalogTrees;
    }

    /// <summary>The catalog classes found.</summary>
    public ImmutableHashSet<INamedTypeSymbol> Catalogs { get; }

    /// <summary>The index of <paramref name="compilation"/>, built on first use and shared by every analyzer and fix.</summary>
    public static PortCatalogIndex For(Compilation compilation, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Built once even when the first port literals are analyzed on several threads at the same moment (they are:
        // the compiler analyzes files concurrently). The build takes tens of milliseconds on a large project and is
        // not cancellable, so that a cancelled caller cannot leave a failed Lazy behind for everyone else.
        return s_cache.GetValue(compilation, static c => new Lazy<PortCatalogIndex>(() => Build(c), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>Whether <paramref name="tree"/> declares (part of) a catalog class.</summary>
    public bool DeclaresCatalog(SyntaxTree tree) => _catalogTrees.Contains(tree);

    /// <summary>Whether any catalog names <paramref name="port"/>.</summary>
    public bool Names(int port) => _byPort.ContainsKey(port);

    /// <summary>
    /// The constant to suggest for <paramref name="port"/>, or null when no catalog names it or the context does not
    /// let one be suggested. Catalogs rank the user's own first, then a referenced user catalog, then the built-in one.
    /// Within that:
    /// <list type="number">
    /// <item>the entry whose name the context's name holds (<c>smtpsPort</c> → <c>Smtps</c>);</item>
    /// <item>else the entry the evidence around the literal names (<c>new RedisOptions { Port = 6379 }</c>,
    /// <c>class JupyterTests</c>);</item>
    /// <item>else none when the evidence names another service (a strong entry's name: <c>Socks5Server</c> on 22, a
    /// <c>redis://</c> URL beside 7000);</item>
    /// <item>else the port's primary entry, unless its claim on the port is weak.</item>
    /// </list>
    /// </summary>
    public CatalogConstant? Find(int port, string contextName, Func<ContextEvidence>? evidence)
    {
        if (!_byPort.TryGetValue(port, out var candidates))
        {
            return null;
        }

        var bestOrigin = candidates[0].Origin;
        var stem = Normalize(PortNames.ServiceStem(contextName)).ToLowerInvariant();
        CatalogConstant? primary = null;
        foreach (var candidate in candidates)
        {
            if (candidate.Origin != bestOrigin)
            {
                break;
            }

            if (stem.Length > 0 && candidate.Key == stem)
            {
                return candidate;
            }

            if (primary is null && candidate.IsPrimary)
            {
                primary = candidate;
            }
        }

        primary ??= candidates[0];
        if (evidence is null)
        {
            return primary.IsWeakClaim ? null : primary;
        }

        var words = evidence();
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var candidate in candidates)
            {
                if (candidate.Origin == bestOrigin && AnyAgrees(words.Names, candidate, allowPrefix: pass == 1))
                {
                    return candidate;
                }
            }
        }

        return primary.IsWeakClaim || NamesAnotherService(words.Contradicting) ? null : primary;
    }

    /// <summary>
    /// The constant to suggest for a port in a URL with <paramref name="scheme"/>: the first entry (by catalog rank)
    /// whose name the scheme agrees with (<c>http</c> → <c>HttpAlt</c> on 8080, <c>postgres</c> → <c>PostgreSql</c>),
    /// whatever its claim; none otherwise (<c>http://localhost:8888</c> is not Jupyter).
    /// </summary>
    public CatalogConstant? FindForScheme(int port, string scheme)
    {
        if (!_byPort.TryGetValue(port, out var candidates))
        {
            return null;
        }

        var words = new List<List<string>> { NameWords.Of(scheme) };
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var candidate in candidates)
            {
                if (AnyAgrees(words, candidate, allowPrefix: pass == 1))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    // A name agrees with an entry when its words, or consecutive words, spell the entry's name (redis, cassandra +
    // internode), or a word of four letters or more begins it (postgres → postgresql, http → https, mongo → mongodb).
    // Exact spellings are tried on every candidate before beginnings (HttpProxyServer → HttpProxy, not HttpAlt). A word
    // begins an entry's name when it has four letters or more (postgres → postgresql), or when it is itself the name of
    // a strong entry (ftp → ftps, pop3 → pop3s: the service's TLS variant). Words are also tried without trailing digits.
    private bool AnyAgrees(List<List<string>> names, CatalogConstant candidate, bool allowPrefix)
    {
        foreach (var words in names)
        {
            for (var i = 0; i < words.Count; i++)
            {
                if (Agrees(words[i], candidate, allowPrefix) || (NameWords.WithoutDigits(words[i]) is { } bare && Agrees(bare, candidate, allowPrefix)))
                {
                    return true;
                }

                var joined = words[i];
                for (var j = i + 1; j < words.Count && joined.Length < candidate.Key.Length; j++)
                {
                    joined += words[j];
                    if (joined == candidate.Key)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private bool Agrees(string word, CatalogConstant candidate, bool allowPrefix) =>
        word == candidate.Key ||
        (allowPrefix && (word.Length >= 4 || (word.Length >= 3 && _strongKeys.Contains(word))) && candidate.Key.StartsWith(word, StringComparison.Ordinal));

    // Whether a word, or up to three consecutive words of one name, is the name of an entry with a strong claim.
    private bool NamesAnotherService(List<List<string>> names)
    {
        foreach (var words in names)
        {
            for (var i = 0; i < words.Count; i++)
            {
                var joined = words[i];
                for (var j = i; j < i + 3 && j < words.Count; j++)
                {
                    if (j > i)
                    {
                        joined += words[j];
                    }

                    if (_strongKeys.Contains(joined) || (j == i && NameWords.WithoutDigits(joined) is { } bare && _strongKeys.Contains(bare)))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static string Normalize(string name) => name.IndexOf('_') < 0 ? name : name.Replace("_", string.Empty);

    private static PortCatalogIndex Build(Compilation compilation)
    {
        var catalogs = new List<(INamedTypeSymbol Type, CatalogOrigin Origin)>();
        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var trees = ImmutableHashSet.CreateBuilder<SyntaxTree>();

        // One search through every reference; the attributes live in the same assembly as the built-in catalog.
        var builtIn = compilation.GetTypeByMetadataName(WellKnownPortsMetadataName);
        var attribute = builtIn?.ContainingAssembly.GetTypeByMetadataName(AttributeMetadataName) ?? compilation.GetTypeByMetadataName(AttributeMetadataName);
        var claimAttribute = builtIn?.ContainingAssembly.GetTypeByMetadataName(ClaimAttributeMetadataName) ?? compilation.GetTypeByMetadataName(ClaimAttributeMetadataName);
        if (builtIn is not null && seen.Add(builtIn))
        {
            // Found by name, wherever it is declared: the built-in catalog always ranks last.
            catalogs.Add((builtIn, CatalogOrigin.BuiltIn));
        }

        if (attribute is not null)
        {
            AddSourceCatalogs(compilation, attribute, catalogs, seen);
            AddReferencedCatalogs(compilation, attribute, catalogs, seen);
        }

        var byPort = new Dictionary<int, List<CatalogConstant>>();
        foreach (var (type, origin) in catalogs
                     .OrderBy(c => c.Origin)
                     .ThenBy(c => c.Type.ToDisplayString(), StringComparer.Ordinal))
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                trees.Add(reference.SyntaxTree);
            }

            foreach (var constant in ConstantsOf(type, origin, claimAttribute))
            {
                if (!byPort.TryGetValue(constant.Port, out var list))
                {
                    byPort[constant.Port] = list = new List<CatalogConstant>();
                }

                list.Add(constant);
            }
        }

        return new PortCatalogIndex(
            byPort.ToDictionary(pair => pair.Key, pair => pair.Value.ToImmutableArray()),
            seen.ToImmutableHashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default),
            trees.ToImmutable());
    }

    /// <summary>
    /// The <c>public const int</c> members of one catalog, in declaration order. Kept per catalog type: a referenced
    /// assembly's type symbols (the built-in catalog's ~1,000 constants among them) are shared by the compilations that
    /// reference the same assembly, so the constants and their attributes are read once, not once per compilation.
    /// </summary>
    private static ImmutableArray<CatalogConstant> ConstantsOf(INamedTypeSymbol type, CatalogOrigin origin, INamedTypeSymbol? claimAttribute)
    {
        if (s_constants.TryGetValue(type, out var cached) && cached.Origin == origin && ReferenceEquals(cached.ClaimAttribute, claimAttribute))
        {
            return cached.Constants;
        }

        var constants = ImmutableArray.CreateBuilder<CatalogConstant>();
        var primaries = new HashSet<int>();
        var qualifiedName = CatalogConstant.QualifiedName(type);
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsConst: true, HasConstantValue: true, ConstantValue: int port, Type.SpecialType: SpecialType.System_Int32 } field &&
                field.DeclaredAccessibility == Accessibility.Public)
            {
                constants.Add(new CatalogConstant(type, qualifiedName, origin, field.Name, port, primaries.Add(port), IsWeakClaim(field, claimAttribute)));
            }
        }

        var result = constants.ToImmutable();
        lock (s_constants)
        {
            s_constants.Remove(type);
            s_constants.Add(type, new CachedConstants(origin, claimAttribute, result));
        }

        return result;
    }

    private sealed class CachedConstants(CatalogOrigin origin, INamedTypeSymbol? claimAttribute, ImmutableArray<CatalogConstant> constants)
    {
        public CatalogOrigin Origin { get; } = origin;

        public INamedTypeSymbol? ClaimAttribute { get; } = claimAttribute;

        public ImmutableArray<CatalogConstant> Constants { get; } = constants;
    }

    private static void AddSourceCatalogs(Compilation compilation, INamedTypeSymbol attribute,
        List<(INamedTypeSymbol, CatalogOrigin)> catalogs, HashSet<INamedTypeSymbol> seen)
    {
        // Only classes whose syntax carries an attribute named like ours are bound, and they are found by reading the
        // declarations (namespaces and types, never member bodies) of the files that mention PortCatalog at all.
        // Asking the declaration table for every type (GetSymbolsWithName(_ => true)) built every type's symbol: on a
        // project of a few hundred files, most of the index's cost. (An alias such as
        // `using PC = PortCatalog.PortCatalogAttribute;` is not recognised.)
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetText().ToString().IndexOf("PortCatalog", StringComparison.Ordinal) < 0)
            {
                continue;
            }

            foreach (var scope in DeclarationScopes.Of(tree.GetRoot(), withTypes: true))
            {
                if (scope is ClassDeclarationSyntax declaration && HasCatalogAttributeSyntax(declaration))
                {
                    names.Add(declaration.Identifier.ValueText);
                }
            }
        }

        foreach (var name in names)
        {
            foreach (var symbol in compilation.GetSymbolsWithName(name, SymbolFilter.Type))
            {
                if (symbol is INamedTypeSymbol { TypeKind: TypeKind.Class } type && !seen.Contains(type) && HasCatalogAttributeSyntax(type) &&
                    HasAttribute(type, attribute) && seen.Add(type))
                {
                    catalogs.Add((type, CatalogOrigin.OwnCompilation));
                }
            }
        }
    }

    private static bool HasCatalogAttributeSyntax(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is TypeDeclarationSyntax declaration && HasCatalogAttributeSyntax(declaration))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasCatalogAttributeSyntax(TypeDeclarationSyntax declaration)
    {
        foreach (var list in declaration.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                var name = PortContextFinder.AttributeName(attribute);
                if (name is "PortCatalog" or "PortCatalogAttribute")
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Only public static classes are asked for their attributes (decoding every type's attributes was most of the
    // index's cost for a project with project references): the generator writes every catalog as a static class.
    private static void AddReferencedCatalogs(Compilation compilation, INamedTypeSymbol attribute,
        List<(INamedTypeSymbol, CatalogOrigin)> catalogs, HashSet<INamedTypeSymbol> seen)
    {
        var runtimeAssembly = attribute.ContainingAssembly;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (SymbolEqualityComparer.Default.Equals(assembly, runtimeAssembly) || !ReferencesAssembly(assembly, runtimeAssembly.Identity.Name))
            {
                continue;
            }

            var stack = new Stack<INamespaceOrTypeSymbol>();
            stack.Push(assembly.GlobalNamespace);
            while (stack.Count > 0)
            {
                foreach (var member in stack.Pop().GetMembers())
                {
                    if (member is INamespaceSymbol ns)
                    {
                        stack.Push(ns);
                    }
                    else if (member is INamedTypeSymbol { TypeKind: TypeKind.Class, IsStatic: true, DeclaredAccessibility: Accessibility.Public } type &&
                             HasAttribute(type, attribute) && seen.Add(type))
                    {
                        catalogs.Add((type, CatalogOrigin.ReferencedAssembly));
                    }
                }
            }
        }
    }

    // [PortClaim(PortClaimStrength.Weak)]: the enum's value 1. No attribute, or another value, is a strong claim.
    private static bool IsWeakClaim(IFieldSymbol field, INamedTypeSymbol? claimAttribute)
    {
        if (claimAttribute is null)
        {
            return false;
        }

        foreach (var data in field.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, claimAttribute) &&
                data.ConstructorArguments.Length == 1 && data.ConstructorArguments[0].Value is int strength)
            {
                return strength == 1;
            }
        }

        return false;
    }

    private static bool ReferencesAssembly(IAssemblySymbol assembly, string name)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var referenced in module.ReferencedAssemblies)
            {
                if (string.Equals(referenced.Name, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasAttribute(INamedTypeSymbol type, INamedTypeSymbol attribute)
    {
        foreach (var data in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return true;
            }
        }

        return false;
    }
}
