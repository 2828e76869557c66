using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;

namespace PortCatalog.Cli.Commands;

/// <summary>
/// Which process owns a listening socket, as <c>ss -p</c> finds it on Linux: the socket's inode from
/// <c>/proc/net/{tcp,tcp6,udp,udp6}</c>, then the process whose <c>/proc/PID/fd</c> links to <c>socket:[inode]</c>.
/// Another user's processes are readable only by root; their sockets stay without an owner, never an error.
/// </summary>
internal static class SocketOwners
{
    /// <summary>A socket's owner: its process id and name (<c>/proc/PID/comm</c>).</summary>
    public sealed record Owner(int Pid, string Name);

    /// <summary>The owners this process may see, by local address (as the kernel prints it), port and transport; empty off Linux.</summary>
    public static Func<IPAddress, int, Transport, Owner?> Read()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc/net"))
        {
            return static (_, _, _) => null;
        }

        var inodes = new Dictionary<(string Address, int Port, Transport Transport), long>();
        foreach (var (file, transport) in new[] { ("tcp", Transport.Tcp), ("tcp6", Transport.Tcp), ("udp", Transport.Udp), ("udp6", Transport.Udp) })
        {
            foreach (var line in ReadLines($"/proc/net/{file}"))
            {
                // "  0: 0100007F:0277 00000000:0000 0A 00000000:00000000 00:00000000 00000000  0  0 12345 ..."
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var colon = fields.Length > 9 ? fields[1].IndexOf(':') : -1;
                if (colon > 0
                    && int.TryParse(fields[1].AsSpan(colon + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var port)
                    && long.TryParse(fields[9], NumberStyles.None, CultureInfo.InvariantCulture, out var inode)
                    && inode != 0)
                {
                    inodes.TryAdd((fields[1][..colon].ToUpperInvariant(), port, transport), inode);
                }
            }
        }

        var owners = OwnersByInode();
        return (address, port, transport) =>
            inodes.TryGetValue((KernelHex(address), port, transport), out var inode) && owners.TryGetValue(inode, out var owner) ? owner : null;
    }

    private static Dictionary<long, Owner> OwnersByInode()
    {
        var owners = new Dictionary<long, Owner>();
        foreach (var directory in SafeEnumerate("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string? name = null;
            foreach (var fd in SafeEnumerate(Path.Combine(directory, "fd")))
            {
                string? target;
                try
                {
                    target = new FileInfo(fd).LinkTarget;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                // "socket:[12345]"
                if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal) && target.EndsWith(']')
                    && long.TryParse(target.AsSpan(8, target.Length - 9), NumberStyles.None, CultureInfo.InvariantCulture, out var inode))
                {
                    name ??= ReadLines(Path.Combine(directory, "comm")).FirstOrDefault() ?? "?";
                    owners.TryAdd(inode, new Owner(pid, name));
                }
            }
        }

        return owners;
    }

    /// <summary>An address as /proc/net prints it: each 32-bit word of the address in the machine's byte order, in hex.</summary>
    private static string KernelHex(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        var hex = new StringBuilder(bytes.Length * 2);
        for (var word = 0; word < bytes.Length; word += 4)
        {
            for (var i = 0; i < 4; i++)
            {
                hex.Append(bytes[word + (BitConverter.IsLittleEndian ? 3 - i : i)].ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return hex.ToString();
    }

    private static IEnumerable<string> SafeEnumerate(string directory)
    {
        try
        {
            return Directory.GetFileSystemEntries(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
