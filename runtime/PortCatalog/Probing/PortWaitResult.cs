using System;
using System.Net;

namespace PortCatalog;

/// <summary>What <see cref="PortProbe"/>'s <c>WaitUntilOpenAsync</c> found once the port accepted a connection.</summary>
/// <param name="Address">The address that accepted (for a host name, the one of its addresses that did).</param>
/// <param name="Port">The port that accepted.</param>
/// <param name="Waited">How long the wait took, from the call to the accepted connection.</param>
/// <param name="Attempts">How many rounds of connection attempts were made, the successful one included (1: it was already open).</param>
public readonly record struct PortWaitResult(IPAddress Address, int Port, TimeSpan Waited, int Attempts)
{
    /// <summary>
    /// What answered, when the wait was for an expected service (<see cref="PortWaitOptions.ExpectedService"/>): an
    /// identity that <see cref="ServiceIdentity.Is(string)"/> that service. Null when no service was asked for.
    /// </summary>
    public ServiceIdentity? Identity { get; init; }
}
