namespace PortCatalog;

/// <summary>How <see cref="PortProbe.IdentifyAsync(System.Net.IPAddress, int, System.TimeSpan, System.Threading.CancellationToken)"/> recognised a service.</summary>
public enum IdentificationMethod
{
    /// <summary>Nothing was recognised; <see cref="ServiceIdentity.Detail"/> says what was seen.</summary>
    None = 0,

    /// <summary>The service spoke first (SSH, FTP, SMTP, POP3, IMAP, MySQL, VNC greet every client) and its greeting was recognised.</summary>
    Greeting = 1,

    /// <summary>The service answered one of the project's probes (<see cref="ServiceIdentity.Probe"/> names it) and the answer was recognised.</summary>
    Probe = 2,
}
