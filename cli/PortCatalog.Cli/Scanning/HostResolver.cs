using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace PortCatalog.Cli.Scanning;

/// <summary>
/// Turns the hosts on the command line into addresses: IPv4 and IPv6 literals as written (<c>::1</c> or <c>[::1]</c>),
/// names through the system resolver (hosts file, then DNS). A name scans its first address, as nmap does; the others
/// are named in a note, never scanned. Nothing else is ever added: portcat scans only the hosts it is given.
/// </summary>
internal static class HostResolver
{
    public static async Task<IReadOnlyList<ScanTarget>> ResolveAsync(IEnumerable<string> hosts, CliConsole console, CancellationToken cancellationToken)
    {
        var targets = new List<ScanTarget>();
        foreach (var host in hosts)
        {
            var target = await ResolveAsync(host, console, cancellationToken).ConfigureAwait(false);
            if (targets.Any(t => t.Address.Equals(target.Address)))
            {
                console.Note($"portcat: note: {host} is {target.Address}, already in the scan; probed once.");
                continue;
            }

            targets.Add(target);
        }

        return targets;
    }

    private static async Task<ScanTarget> ResolveAsync(string host, CliConsole console, CancellationToken cancellationToken)
    {
        var text = host.Trim();
        if (text.Length == 0)
        {
            throw new UsageException("scan: an empty host name.");
        }

        if (TryParseLiteral(text, out var literal))
        {
            return new ScanTarget(host, literal);
        }

        // IPAddress.TryParse reads "10" or "127.1" as IPv4 (inet_aton); portcat wants them dotted-quad, and will not
        // send a number like "70000" to DNS as if it were a name.
        if (text.All(c => char.IsAsciiDigit(c) || c == '.') || text.Contains(':'))
        {
            throw new UsageException($"scan: '{host}' is not an IPv4 address (a.b.c.d), an IPv6 address or a host name.");
        }

        if (!IsHostName(text))
        {
            throw new UsageException($"scan: '{host}' is not an IPv4 address (a.b.c.d), an IPv6 address or a host name.");
        }

        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(text, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new UsageException($"scan: cannot resolve host '{host}': {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"scan: '{host}' is not a valid host name: {e.Message}", e);
        }

        var usable = addresses.Where(a => a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6).ToArray();
        if (usable.Length == 0)
        {
            throw new UsageException($"scan: host '{host}' has no IPv4 or IPv6 address.");
        }

        if (usable.Length > 1)
        {
            console.Note($"portcat: note: {host} resolves to {usable[0]}; its other addresses are not scanned: {string.Join(", ", usable.Skip(1))}.");
        }

        return new ScanTarget(host, usable[0]);
    }

    /// <summary>
    /// Whether <paramref name="text"/> is spelled as a host name (RFC 1123 labels of letters, digits, '-' and '_',
    /// not starting or ending with '-'), so that junk such as <c>-</c> or <c>a b</c> is refused before any resolver sees it.
    /// </summary>
    private static bool IsHostName(string text)
    {
        var name = text.EndsWith('.') ? text[..^1] : text;
        return name.Length is > 0 and <= 253 && name.Split('.').All(label =>
            label.Length is > 0 and <= 63
            && label[0] != '-' && label[^1] != '-'
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'));
    }

    private static bool TryParseLiteral(string text, out IPAddress address)
    {
        var unbracketed = text.Length > 2 && text[0] == '[' && text[^1] == ']' ? text[1..^1] : text;
        if (IPAddress.TryParse(unbracketed, out var parsed)
            && (parsed.AddressFamily == AddressFamily.InterNetworkV6 || unbracketed.Count(c => c == '.') == 3))
        {
            address = parsed;
            return true;
        }

        address = IPAddress.None;
        return false;
    }
}
