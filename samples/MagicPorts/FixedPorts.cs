using System;
using System.Net;
using System.Net.Sockets;
using PortCatalog;

namespace MagicPorts;

/// <summary>After: what the PORT001 and PORT002 code fixes produce. No diagnostics here.</summary>
public static class FixedPorts
{
    private const int InternalPort = 7443;

    public static IPEndPoint Database(IPAddress host) => new IPEndPoint(host, WellKnownPorts.PostgreSql);

    public static TcpClient Cache(string host) => new TcpClient(host, WellKnownPorts.Redis);

    public static UriBuilder Api() => new UriBuilder { Scheme = "https", Host = "api", Port = WellKnownPorts.Https };

    public static IPEndPoint Internal(IPAddress host) => new IPEndPoint(host, InternalPort);

    public static bool IsSecure(IPEndPoint endPoint) => endPoint.Port == WellKnownPorts.Https;
}
