using System;

namespace PortCatalog.Generator.Model;

/// <summary>
/// The generator's copy of <c>PortCatalog.Transport</c> (the generator cannot reference the runtime library).
/// The values must match the runtime enum: the emitter writes them as <c>Transport</c> members by name.
/// </summary>
[Flags]
internal enum TransportSet
{
    /// <summary>The table does not say which transport.</summary>
    None = 0,
    Tcp = 1,
    Udp = 2,
    Sctp = 4,
    Dccp = 8,
}
