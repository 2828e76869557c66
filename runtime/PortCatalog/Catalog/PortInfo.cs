namespace PortCatalog;

/// <summary>One entry of a port catalog: a service registered on a port.</summary>
/// <param name="Port">The port number, 0 to 65535.</param>
/// <param name="ServiceName">The service name as the table writes it (for IANA tables, the registry's service name, such as <c>ms-sql-s</c>).</param>
/// <param name="Identifier">The C# identifier of the catalog constant for this entry, such as <c>SqlServer</c>.</param>
/// <param name="Transports">The transports the service is registered for on this port.</param>
/// <param name="Description">A short human-readable description of the service.</param>
public readonly record struct PortInfo(int Port, string ServiceName, string Identifier, Transport Transports, string Description);
