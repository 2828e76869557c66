using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace PortCatalog;

/// <summary>Questions about this machine's own ports: which are free, and which sockets are waiting for peers.</summary>
public static class LocalPorts
{
    private const int MinPort = 1;
    private const int MaxPort = 65535;

    // GetFreePort(Tcp | Udp) asks the OS for a TCP port and keeps it if UDP is free there too; a few tries suffice.
    private const int FreeForBothAttempts = 32;

    /// <summary>
    /// Whether a server could bind <paramref name="port"/> now: binding it on every IPv4 address (and every IPv6
    /// address, where the machine has IPv6) succeeds for each transport in <paramref name="transport"/>.
    /// </summary>
    /// <param name="port">The port, 1 to 65535. Port 0 is not a port one can hold; use <see cref="GetFreePort"/>.</param>
    /// <param name="transport"><see cref="Transport.Tcp"/>, <see cref="Transport.Udp"/>, or both.</param>
    /// <returns>
    /// <see langword="false"/> when something is bound there already, or when this process may not bind it (a
    /// privileged port without the privilege).
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is outside 1–65535, or <paramref name="transport"/> names neither TCP nor UDP, or another transport.</exception>
    /// <remarks>The answer can be stale as soon as it is returned: another process may take the port in between.</remarks>
    public static bool IsAvailable(int port, Transport transport)
    {
        if (port is < MinPort or > MaxPort)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, $"A port is a number from {MinPort} to {MaxPort}.");
        }

        ValidateSocketTransports(transport, nameof(transport));

        foreach (var (socketType, protocol) in SocketKinds(transport))
        {
            if (!CanBind(AddressFamily.InterNetwork, socketType, protocol, port)
                || (Socket.OSSupportsIPv6 && !CanBind(AddressFamily.InterNetworkV6, socketType, protocol, port)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A port that was free for <paramref name="transport"/> on every address a moment ago: the operating system's
    /// choice when asked to bind port 0, released before returning.
    /// </summary>
    /// <param name="transport"><see cref="Transport.Tcp"/>, <see cref="Transport.Udp"/>, or both (a port free for each).</param>
    /// <returns>The port, 1 to 65535.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="transport"/> names neither TCP nor UDP, or another transport.</exception>
    /// <exception cref="SocketException">The operating system could not give a port.</exception>
    /// <remarks>Another process can take the port before the caller binds it; a caller that can bind port 0 itself should.</remarks>
    public static int GetFreePort(Transport transport)
    {
        ValidateSocketTransports(transport, nameof(transport));

        if (transport != (Transport.Tcp | Transport.Udp))
        {
            var (socketType, protocol) = SocketKinds(transport).Single();
            return BindEphemeral(socketType, protocol);
        }

        for (var attempt = 0; attempt < FreeForBothAttempts; attempt++)
        {
            var port = BindEphemeral(SocketType.Stream, ProtocolType.Tcp);
            if (CanBind(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp, port))
            {
                return port;
            }
        }

        throw new SocketException((int)SocketError.AddressAlreadyInUse);
    }

    /// <summary>
    /// The sockets on this machine waiting for peers: listening TCP sockets and bound, unconnected UDP sockets, each
    /// with the built-in catalog's entry for its port.
    /// </summary>
    /// <param name="filter"><see cref="Transport.Tcp"/>, <see cref="Transport.Udp"/>, both, or <see langword="null"/> for both.</param>
    /// <returns>One entry per distinct address, port and transport, sorted by port, then transport, then address.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="filter"/> names neither TCP nor UDP, or another transport.</exception>
    /// <remarks>
    /// On Linux this reads <c>/proc/net/tcp</c>, <c>tcp6</c>, <c>udp</c> and <c>udp6</c>, which list the sockets of the
    /// calling process's network namespace; elsewhere it asks <see cref="IPGlobalProperties"/>.
    /// </remarks>
    public static IReadOnlyList<LocalListener> GetListeners(Transport? filter = null)
    {
        var transports = filter ?? (Transport.Tcp | Transport.Udp);
        if (filter is { } given)
        {
            ValidateSocketTransports(given, nameof(filter));
        }

        var found = new HashSet<(IPAddress Address, int Port, Transport Transport)>();
        foreach (var transport in new[] { Transport.Tcp, Transport.Udp })
        {
            if ((transports & transport) == 0)
            {
                continue;
            }

            foreach (var (address, port) in ReadListeners(transport))
            {
                found.Add((address, port, transport));
            }
        }

        return found
            .OrderBy(static l => l.Port)
            .ThenBy(static l => l.Transport)
            .ThenBy(static l => l.Address.AddressFamily)
            .ThenBy(static l => l.Address.ToString(), StringComparer.Ordinal)
            .Select(static l => new LocalListener(l.Address, l.Port, l.Transport, Describe(l.Port, l.Transport)))
            .ToArray();
    }

    private static PortInfo? Describe(int port, Transport transport)
        => CatalogLookup.TryGetInfo(port, transport, out var info) ? info : null;

    private static IEnumerable<(IPAddress Address, int Port)> ReadListeners(Transport transport)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && File.Exists("/proc/net/tcp"))
        {
            var name = transport == Transport.Tcp ? "tcp" : "udp";
            return ReadProcNet($"/proc/net/{name}", transport).Concat(ReadProcNet($"/proc/net/{name}6", transport)).ToList();
        }

        var properties = IPGlobalProperties.GetIPGlobalProperties();
        var endPoints = transport == Transport.Tcp ? properties.GetActiveTcpListeners() : properties.GetActiveUdpListeners();
        return endPoints.Select(static e => (e.Address, e.Port));
    }

    private static IEnumerable<(IPAddress Address, int Port)> ReadProcNet(string path, Transport transport)
    {
        StreamReader table;
        try
        {
            table = File.OpenText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return []; // tcp6/udp6 are absent when the kernel has no IPv6
        }

        using (table)
        {
            return ProcNetListenerParser.Parse(table, transport, BitConverter.IsLittleEndian).ToList();
        }
    }

    private static int BindEphemeral(SocketType socketType, ProtocolType protocol)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, socketType, protocol);
        socket.Bind(new IPEndPoint(IPAddress.Any, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private static bool CanBind(AddressFamily family, SocketType socketType, ProtocolType protocol, int port)
    {
        Socket socket;
        try
        {
            socket = new Socket(family, socketType, protocol);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressFamilyNotSupported)
        {
            return true; // no such family here (IPv6 disabled): nothing can conflict on it
        }

        using (socket)
        {
            if (family == AddressFamily.InterNetworkV6)
            {
                // Test the IPv6 addresses alone; the IPv4 bind has answered for IPv4.
                socket.DualMode = false;
            }

            try
            {
                socket.Bind(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, port));
                return true;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
            {
                return false;
            }
        }
    }

    private static IEnumerable<(SocketType SocketType, ProtocolType Protocol)> SocketKinds(Transport transport)
    {
        if ((transport & Transport.Tcp) != 0)
        {
            yield return (SocketType.Stream, ProtocolType.Tcp);
        }

        if ((transport & Transport.Udp) != 0)
        {
            yield return (SocketType.Dgram, ProtocolType.Udp);
        }
    }

    private static void ValidateSocketTransports(Transport transport, string parameterName)
    {
        if (transport == Transport.None || (transport & ~(Transport.Tcp | Transport.Udp)) != 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, transport, "Only TCP and UDP ports can be checked: pass Transport.Tcp, Transport.Udp, or both.");
        }
    }
}
