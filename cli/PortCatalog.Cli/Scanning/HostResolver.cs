using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace PortCatalog.Cli.Scanning;

/// <summary>
/// Turns parsed targets into the addresses to scan, in order. Host names go through the system resolver (hosts file,
/// then DNS), all of them before the scan starts, so an unresolvable name stops the command before any probe; a name
/// scans its first address, as nmap does, and its other addresses are named in a note. Addresses and blocks are
/// streamed, never expanded. An address written twice (or a name that resolves to one) is scanned once. Nothing else
/// is ever added: portcat scans only the targets it is given.
/// </summary>
internal sealed class HostResolver
{
    private readonly IReadOnlyList<TargetSpec> _targets;
    private readonly Dictionary<TargetSpec, IPAddress> _resolved;
    private readonly CliConsole _console;

    private HostResolver(IReadOnlyList<TargetSpec> targets, Dictionary<TargetSpec, IPAddress> resolved, CliConsole console)
    {
        _targets = targets;
        _resolved = resolved;
        _console = console;
    }

    /// <summary>The targets in the order given.</summary>
    public IReadOnlyList<TargetSpec> Targets => _targets;

    /// <summary>Resolves every host name among <paramref name="targets"/>; a failure is a <see cref="UsageException"/> naming the host.</summary>
    public static async Task<HostResolver> ResolveAsync(IReadOnlyList<TargetSpec> targets, CliConsole console, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<TargetSpec, IPAddress>();
        foreach (var target in targets.Where(t => t.HostName is not null))
        {
            resolved[target] = await ResolveAsync(target.Text, target.HostName!, console, cancellationToken).ConfigureAwait(false);
        }

        return new HostResolver(targets, resolved, console);
    }

    /// <summary>How many addresses <see cref="Stream"/> yields: the blocks' sizes and each distinct single address once.</summary>
    public long Count => _targets.Where(t => !t.IsSingleAddress && t.HostName is null).Sum(t => t.Count)
        + _targets.Select(t => _resolved.TryGetValue(t, out var a) ? a : t.IsSingleAddress ? t.Addresses().Single() : null).OfType<IPAddress>().Distinct().Count();

    /// <summary>Every address to scan, in the order given, each labelled with what the user wrote for it.</summary>
    public IEnumerable<ScanTarget> Stream()
    {
        var singles = new HashSet<IPAddress>();
        foreach (var target in _targets)
        {
            if (_resolved.TryGetValue(target, out var address) || target.IsSingleAddress)
            {
                address ??= target.Addresses().Single();
                if (!singles.Add(address))
                {
                    _console.Note($"portcat: note: {target.Text} is {address}, already in the scan; probed once.");
                    continue;
                }

                yield return new ScanTarget(target.Text, address);
                continue;
            }

            // A block's hosts are named by their addresses, as nmap reports them.
            foreach (var member in target.Addresses())
            {
                yield return new ScanTarget(member.ToString(), member);
            }
        }
    }

    private static async Task<IPAddress> ResolveAsync(string host, string name, CliConsole console, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(name, cancellationToken).ConfigureAwait(false);
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

        return usable[0];
    }
}
