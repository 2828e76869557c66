using System.Globalization;

namespace PortCatalog.Testing;

/// <summary>The TCP ports something listens on that a connection to 127.0.0.1 can reach, read from /proc/net/tcp{,6}.</summary>
internal static class ListeningPorts
{
    private const string Listen = "0A";

    public static HashSet<int> Read()
    {
        var ports = new HashSet<int>();
        Collect("/proc/net/tcp", address => address is "0100007F" or "00000000", ports);
        // Dual-stack listeners on :: also accept IPv4 connections.
        Collect("/proc/net/tcp6", address => address.All(c => c == '0'), ports);
        return ports;
    }

    private static void Collect(string path, Func<string, bool> reachesLoopback, HashSet<int> ports)
    {
        if (!File.Exists(path))
        {
            return;
        }

        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var local = fields[1].Split(':');
            if (fields[3] == Listen && reachesLoopback(local[0]))
            {
                ports.Add(int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
        }
    }
}
