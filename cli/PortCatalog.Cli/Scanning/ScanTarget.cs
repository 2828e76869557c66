using System.Net;

namespace PortCatalog.Cli.Scanning;

/// <summary>A host as the user named it and the address portcat scans for it.</summary>
internal sealed record ScanTarget(string Name, IPAddress Address);
