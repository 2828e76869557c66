namespace PortCatalog;

/// <summary>
/// How firmly a catalog entry owns its port: whether a bare number in code can be taken to mean that service.
/// Set per row by the <c>Claim</c> column of a port table (see docs/data.md) and carried on each generated
/// constant by <see cref="PortClaimAttribute"/>; the PortCatalog analyzers read it.
/// </summary>
public enum PortClaimStrength
{
    /// <summary>
    /// The port is generally understood to mean this service (22 is SSH, 5432 is PostgreSQL): a literal port in code
    /// is suggested this constant unless the names around it speak of another service.
    /// </summary>
    Strong = 0,

    /// <summary>
    /// Real code commonly uses the port for something else: ports registered to a niche or single-vendor service
    /// (7000 Cassandra internode, 10000 Azurite), round numbers popular in development (3000, 8888, 9000) and tiny
    /// numbers used as placeholders (7, 123). The constant is suggested only when the code around the literal names
    /// the service.
    /// </summary>
    Weak = 1,
}
