namespace PortCatalog.Generator.Model;

/// <summary>One service on one port or port range, as a single table row states it.</summary>
/// <param name="Port">The port, or the first port of a range.</param>
/// <param name="LastPort">The last port of a range; equal to <paramref name="Port"/> for a single port.</param>
/// <param name="ServiceName">The service name as written (or derived from the description).</param>
/// <param name="Identifier">The explicit C# identifier from an <c>Identifier</c> column, if any.</param>
/// <param name="NameSource">Where <paramref name="ServiceName"/> (or <paramref name="Identifier"/>) came from.</param>
/// <param name="Transports">The transports the row names; <see cref="TransportSet.None"/> when it names none.</param>
/// <param name="Description">The description, whitespace collapsed to single spaces.</param>
/// <param name="Line">The 1-based line of the row in its table.</param>
/// <param name="OtherNames">Further names the row gives the service (a service cell the name was taken from, an acronym in the description), all found by <c>TryGetPort</c>.</param>
internal sealed record PortEntry(
    int Port,
    int LastPort,
    string ServiceName,
    string? Identifier,
    NameSource NameSource,
    TransportSet Transports,
    string Description,
    int Line,
    EquatableArray<string> OtherNames)
{
    public bool IsRange => LastPort != Port;

    /// <summary>Whether the row's <c>Claim</c> column says <c>weak</c>: real code often uses the port for something else.</summary>
    public bool IsWeakClaim { get; init; }
}
