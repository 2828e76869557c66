namespace PortCatalog;

/// <summary>Which probe engine sends the probes.</summary>
public enum ProbeEngineKind
{
    /// <summary>
    /// The fastest engine for this platform: on Linux with .NET 8 or later, raw non-blocking sockets and epoll (no
    /// managed allocation per probe); elsewhere the portable engine.
    /// </summary>
    Default = 0,

    /// <summary>System.Net.Sockets on every platform; slower and allocates per probe, but uses no native interop.</summary>
    Portable = 1,
}
