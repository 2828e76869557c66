using System;
using System.Collections.Generic;

namespace PortCatalog.Generator.Naming;

/// <summary>
/// The one place that knows the names a generated catalog class uses besides its constants: its public and private
/// members, the suffix of a range's property, the default class name, and the runtime types the generated code
/// refers to (which a catalog class must not shadow).
/// </summary>
internal static class MemberNames
{
    /// <summary>The class name of a table whose metadata names none (see docs/generator.md, "Adding a table").</summary>
    public const string DefaultClassName = "Ports";

    /// <summary>A range entry <c>X11</c> also has a property <c>X11Range</c>.</summary>
    public const string RangeSuffix = "Range";

    /// <summary>The private member that holds the catalog's runtime lookup.</summary>
    public const string Lookup = "__Lookup";

    /// <summary>The public members every catalog class declares besides its constants.</summary>
    public static readonly IReadOnlyList<string> PublicMembers = new[] { "All", "Entries", "TryGetInfo", "TryGetPort", "GetInfos" };

    /// <summary>The runtime namespace whose types the generated code names.</summary>
    public const string RuntimeNamespace = "PortCatalog";

    /// <summary>The types the generated code names, by namespace: a catalog class of the same full name would shadow them.</summary>
    private static readonly (string Namespace, string Name)[] s_referencedTypes =
    {
        (RuntimeNamespace, "PortInfo"),
        (RuntimeNamespace, "Transport"),
        (RuntimeNamespace, "PortRange"),
        (RuntimeNamespace, "PortCatalogAttribute"),
        (RuntimeNamespace, "PortCatalogLookup"),
        ("System.CodeDom.Compiler", "GeneratedCodeAttribute"),
    };

    // Members every class has from object: a constant of these names would hide them (CS0108) or clash.
    private static readonly string[] s_objectMembers = { "Equals", "GetHashCode", "GetType", "ToString", "ReferenceEquals", "MemberwiseClone", "Finalize" };

    /// <summary>The names no entry may take in a class named <paramref name="className"/>.</summary>
    public static HashSet<string> Reserved(string className)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { className, Lookup };
        names.UnionWith(PublicMembers);
        names.UnionWith(s_objectMembers);
        return names;
    }

    /// <summary>Names starting with two underscores belong to the generated class's private members.</summary>
    public static bool IsPrivateMemberName(string name) => name.StartsWith("__", StringComparison.Ordinal);

    /// <summary>Whether a class may not be named <paramref name="className"/> because a member of its own has the name (CS0542).</summary>
    public static bool IsMemberName(string className)
        => IsPrivateMemberName(className) || Contains(PublicMembers, className);

    /// <summary>Whether a catalog class <paramref name="ns"/>.<paramref name="className"/> would shadow a type the generated code names.</summary>
    public static bool ShadowsReferencedType(string ns, string className)
    {
        foreach (var (typeNamespace, name) in s_referencedTypes)
        {
            if (string.Equals(typeNamespace, ns, StringComparison.Ordinal) && string.Equals(name, className, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name of a range entry's <c>PortRange</c> property.</summary>
    public static string RangeProperty(string identifier) => identifier + RangeSuffix;

    private static bool Contains(IReadOnlyList<string> names, string name)
    {
        foreach (var n in names)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
