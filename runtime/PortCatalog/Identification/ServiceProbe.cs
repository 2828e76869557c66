using System;

namespace PortCatalog.Identification;

/// <summary>One probe of the identification table: a name, what it sends, and the services whose answer it draws.</summary>
/// <param name="Name">The probe's name, as <see cref="ServiceIdentity.Probe"/> reports it and docs/identification.md lists it.</param>
/// <param name="Kind">Listen, send a request, or a TLS handshake.</param>
/// <param name="Transport">TCP or UDP.</param>
/// <param name="Request">The exact bytes sent (empty for <see cref="ProbeKind.Listen"/> and <see cref="ProbeKind.Tls"/>).</param>
/// <param name="Draws">The services, in the catalog's naming, whose answer this probe is made to draw; a port the catalog gives to one of them gets this probe first.</param>
/// <param name="Sends">What the request is, in words, for the documentation.</param>
internal sealed record ServiceProbe(string Name, ProbeKind Kind, Transport Transport, byte[] Request, string[] Draws, string Sends)
{
    /// <summary>The request as read-only memory (the table's arrays are never handed out).</summary>
    public ReadOnlyMemory<byte> RequestBytes => Request;
}
