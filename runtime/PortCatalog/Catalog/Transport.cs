using System;

namespace PortCatalog;

/// <summary>The transport protocols a port is registered for. A catalog entry may name several.</summary>
[Flags]
public enum Transport
{
    /// <summary>No transport: used as "any transport" in lookups.</summary>
    None = 0,

    /// <summary>Transmission Control Protocol.</summary>
    Tcp = 1,

    /// <summary>User Datagram Protocol.</summary>
    Udp = 2,

    /// <summary>Stream Control Transmission Protocol.</summary>
    Sctp = 4,

    /// <summary>Datagram Congestion Control Protocol.</summary>
    Dccp = 8,
}
