using System;
using System.Net;
using System.Net.Sockets;
using PortCatalog;
using Sample.Networking;

// 1. Typed constants: usable anywhere a port number is, including switch cases and IPEndPoint.
Console.WriteLine($"WellKnownPorts.Ssh        = {WellKnownPorts.Ssh}");
Console.WriteLine($"WellKnownPorts.PostgreSql = {WellKnownPorts.PostgreSql}");
Console.WriteLine($"InternalPorts.BillingApi  = {InternalPorts.BillingApi}   (from ports/internal.csv)");

// 2. Lookups: number to service, name to number; no allocation per call.
foreach (var port in new[] { 22, 443, 1433, 6010, 65000 })
{
    Console.WriteLine(WellKnownPorts.TryGetInfo(port, out var info)
        ? $"port {port,5} -> {info.Identifier} ({info.ServiceName}, {info.Transports}): {info.Description}"
        : $"port {port,5} -> not in the catalog");
}

foreach (var name in new[] { "https", "ms-sql-s", "PostgreSql", "no-such-service" })
{
    Console.WriteLine(WellKnownPorts.TryGetPort(name, out var port)
        ? $"name {name,-16} -> {port}"
        : $"name {name,-16} -> not in the catalog");
}

Console.WriteLine($"The catalog holds {WellKnownPorts.All.Length} entries.");

// 3. The probe: a listener of our own on loopback is Open; after it stops, the same port is Closed.
var listener = new TcpListener(IPAddress.Loopback, 0);
listener.Start();
var endPoint = (IPEndPoint)listener.LocalEndpoint;
Console.WriteLine($"probe {endPoint} -> {await PortProbe.ProbeTcpAsync(endPoint, TimeSpan.FromSeconds(1))}");
listener.Stop();
Console.WriteLine($"probe {endPoint} -> {await PortProbe.ProbeTcpAsync(endPoint, TimeSpan.FromSeconds(1))} (listener stopped)");
