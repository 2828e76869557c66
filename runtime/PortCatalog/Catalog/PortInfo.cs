namespace PortCatalog;

/// <summary>One entry of a port catalog: a service registered on a port or on a range of ports.</summary>
/// <param name="Port">The port number, 0 to 65535; for a range, its first port.</param>
/// <param name="ServiceName">The service name as the table writes it (for IANA tables, the registry's service name, such as <c>ms-sql-s</c>).</param>
/// <param name="Identifier">The C# identifier of the catalog constant for this entry, such as <c>SqlServer</c>.</param>
/// <param name="Transports">The transports the service is registered for on this port.</param>
/// <param name="Description">A short human-readable description of the service.</param>
public readonly record struct PortInfo(int Port, string ServiceName, string Identifier, Transport Transports, string Description)
{
    /// <summary>Creates an entry for a range of ports, such as X11's 6000 to 6063.</summary>
    /// <param name="port">The first port of the range.</param>
    /// <param name="lastPort">The last port of the range (inclusive); equal to <paramref name="port"/> for a single port.</param>
    /// <param name="serviceName">The service name as the table writes it.</param>
    /// <param name="identifier">The C# identifier of the catalog constant for this entry.</param>
    /// <param name="transports">The transports the service is registered for.</param>
    /// <param name="description">A short human-readable description of the service.</param>
    public PortInfo(int port, int lastPort, string serviceName, string identifier, Transport transports, string description)
        : this(port, serviceName, identifier, transports, description)
        => LastPort = lastPort;

    /// <summary>The last port of the entry: the range's last port, or <see cref="Port"/> for a single port.</summary>
    public int LastPort { get; init; } = Port;

    /// <summary>Whether the entry covers more than one port.</summary>
    public bool IsRange => LastPort != Port;

    /// <summary>The ports the entry covers, <see cref="Port"/> to <see cref="LastPort"/>.</summary>
    public PortRange Range => new(Port, LastPort);

    /// <summary>Whether the entry covers <paramref name="port"/>.</summary>
    /// <param name="port">The port number.</param>
    /// <returns><see langword="true"/> when <see cref="Port"/> &lt;= <paramref name="port"/> &lt;= <see cref="LastPort"/>.</returns>
    public bool Covers(int port) => port >= Port && port <= LastPort;
}
