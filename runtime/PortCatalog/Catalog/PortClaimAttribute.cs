using System;

namespace PortCatalog;

/// <summary>
/// On a generated catalog constant: how firmly the entry owns its port (<see cref="PortClaimStrength"/>). Written by
/// the PortCatalog source generator from the table's <c>Claim</c> column, and read by the PortCatalog analyzers from
/// the constant's symbol, in source or in a referenced assembly. A constant without it is a
/// <see cref="PortClaimStrength.Strong"/> claim. It has no effect at run time.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class PortClaimAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="strength">How firmly the entry owns its port.</param>
    public PortClaimAttribute(PortClaimStrength strength)
    {
        Strength = strength;
    }

    /// <summary>How firmly the entry owns its port.</summary>
    public PortClaimStrength Strength { get; }
}
