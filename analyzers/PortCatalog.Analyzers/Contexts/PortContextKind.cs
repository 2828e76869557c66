namespace PortCatalog.Analyzers.Contexts;

/// <summary>Where a port literal stands; decides whether a value outside 0-65535 is an error or a sentinel.</summary>
internal enum PortContextKind
{
    /// <summary>An argument bound to a port parameter: the callee receives the value.</summary>
    Argument,

    /// <summary>The value of a declaration, assignment, property body or <c>return</c>: stored for later.</summary>
    Stored,

    /// <summary>An element of a collection of ports.</summary>
    Element,

    /// <summary>Compared for equality with a port (<c>==</c>, <c>!=</c>, <c>case</c>, a constant pattern).</summary>
    Equality,
}
