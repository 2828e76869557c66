using System;
using System.Net;
using System.Net.Sockets;

namespace MagicPorts;

/// <summary>Before: the port numbers a reader has to know by heart.</summary>
public static class HardcodedPorts
{
    public static IPEndPoint Database(IPAddress host) => new IPEndPoint(host, 5432);                  // PORT001

    public static TcpClient Cache(string host) => new TcpClient(host, 6379);                          // PORT001

    public static UriBuilder Api() => new UriBuilder { Scheme = "https", Host = "api", Port = 443 };  // PORT001

    public static IPEndPoint Internal(IPAddress host) => new IPEndPoint(host, 7443);                  // PORT002 (no constant; off in builds)

    public static IPEndPoint Impossible(IPAddress host) => new IPEndPoint(host, 70000);               // PORT003

    public static Uri Dashboard() => new Uri("http://localhost:8080/");                               // PORT004 (a suggestion in the IDE)

    public static bool IsSecure(IPEndPoint endPoint) => endPoint.Port == 443;                         // PORT001
}
