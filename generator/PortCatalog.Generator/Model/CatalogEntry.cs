namespace PortCatalog.Generator.Model;

/// <summary>One entry of a merged catalog, with its final, unique C# identifier.</summary>
/// <param name="Port">The port, or the first port of a range.</param>
/// <param name="LastPort">The last port of a range; equal to <paramref name="Port"/> for a single port.</param>
/// <param name="ServiceName">The service name.</param>
/// <param name="Identifier">The unique C# identifier (without a verbatim <c>@</c>).</param>
/// <param name="Transports">The union of the transports of every merged row.</param>
/// <param name="Description">The description.</param>
/// <param name="Aliases">Other names <c>TryGetPort</c> accepts for this entry (names of rows merged into it).</param>
internal sealed record CatalogEntry(
    int Port,
    int LastPort,
    string ServiceName,
    string Identifier,
    TransportSet Transports,
    string Description,
    EquatableArray<string> Aliases)
{
    public bool IsRange => LastPort != Port;

    /// <summary>Whether any merged row's <c>Claim</c> column says <c>weak</c> (emitted as <c>[PortClaim(PortClaimStrength.Weak)]</c>).</summary>
    public bool IsWeakClaim { get; init; }
}
