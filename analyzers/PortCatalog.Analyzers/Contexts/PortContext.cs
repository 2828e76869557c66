using Microsoft.CodeAnalysis;

namespace PortCatalog.Analyzers.Contexts;

/// <summary>Why a literal is read as a port.</summary>
internal readonly struct PortContext
{
    public PortContext(string name, PortContextKind kind, bool isNamedConstant, IMethodSymbol? callee)
    {
        Name = name;
        Kind = kind;
        IsNamedConstant = isNamedConstant;
        Callee = callee;
    }

    /// <summary>The name that makes the literal a port: a parameter, member, local or compared expression.</summary>
    public string Name { get; }

    /// <summary>Where the literal stands.</summary>
    public PortContextKind Kind { get; }

    /// <summary>
    /// Whether the literal is the value of a <c>const</c> (or enum member) declaration: it is already named, so it
    /// gets no PORT002, and PORT005 instead of PORT001 when a catalog names the port.
    /// </summary>
    public bool IsNamedConstant { get; }

    /// <summary>The method or constructor the literal is an argument of (or whose collection initializer it is in).</summary>
    public IMethodSymbol? Callee { get; }
}
