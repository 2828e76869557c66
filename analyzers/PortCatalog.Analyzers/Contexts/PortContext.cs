namespace PortCatalog.Analyzers.Contexts;

/// <summary>Why a literal is read as a port.</summary>
internal readonly struct PortContext
{
    public PortContext(string name, bool isNamedConstant)
    {
        Name = name;
        IsNamedConstant = isNamedConstant;
    }

    /// <summary>The name that makes the literal a port: a parameter, member, local or compared expression.</summary>
    public string Name { get; }

    /// <summary>
    /// Whether the literal is the value of a <c>const</c> (or enum member) declaration: it is already named, so it
    /// gets no PORT002 and only an Info-level PORT001 when a catalog names the port.
    /// </summary>
    public bool IsNamedConstant { get; }
}
