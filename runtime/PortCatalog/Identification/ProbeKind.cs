namespace PortCatalog.Identification;

/// <summary>What a <see cref="ServiceProbe"/> does on its connection.</summary>
internal enum ProbeKind
{
    /// <summary>Sends nothing and listens: services that greet every client speak first.</summary>
    Listen,

    /// <summary>Sends the probe's request and reads the answer.</summary>
    Send,

    /// <summary>Performs a TLS handshake (no certificate validation), then listens and speaks inside it.</summary>
    Tls,
}
