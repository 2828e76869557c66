using System.Runtime.InteropServices;

namespace PortCatalog.Tests.Probing;

/// <summary>
/// A network namespace of the test's own with only <c>lo</c> up and an nftables input chain with the given rules (such
/// as <c>tcp dport 7001 drop</c>), so probes of 127.0.0.1 inside it meet silence or ICMP errors. Code runs inside on a dedicated thread that joins the namespace
/// with <c>setns</c>: sockets belong to the namespace of the thread that creates them, so an engine in this process
/// probes inside the namespace while its epoll threads stay outside. Dispose deletes the namespace (and its rules).
/// </summary>
internal sealed class NetworkNamespace : IDisposable
{
    private NetworkNamespace(string name) => Name = name;

    public string Name { get; }

    /// <summary>Creates the namespace, or returns null with <paramref name="whyNot"/> when the tools are missing.</summary>
    public static NetworkNamespace? TryCreate(string[] inputRules, out string whyNot)
    {
        whyNot = string.Empty;
        if (!CanRun("ip", "-V") || !CanRun("nft", "--version"))
        {
            whyNot = "`ip` (iproute2) and `nft` (nftables) are needed; .ci/run installs them.";
            return null;
        }

        var ns = new NetworkNamespace($"pcprobe-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        try
        {
            Run("ip", "netns", "add", ns.Name);
            Run("ip", "netns", "exec", ns.Name, "ip", "link", "set", "lo", "up");
            var rules = Path.GetTempFileName();
            try
            {
                File.WriteAllText(rules, "table inet pcprobe {\n  chain input {\n    type filter hook input priority 0; policy accept;\n"
                    + string.Concat(inputRules.Select(rule => $"    {rule}\n"))
                    + "  }\n}\n");
                Run("ip", "netns", "exec", ns.Name, "nft", "-f", rules);
            }
            finally
            {
                File.Delete(rules);
            }
            return ns;
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Two namespaces of the test's own joined by a veth link (a real link: unlike loopback, the kernel rate-limits the
    /// ICMP errors it sends over it), <paramref name="scanner"/> at <paramref name="scannerAddress"/>/24 and the target at
    /// <paramref name="targetAddress"/>/24. The addresses exist only inside these two namespaces.
    /// </summary>
    public static (NetworkNamespace Scanner, NetworkNamespace Target) CreateLinked(string scannerAddress, string targetAddress, out string whyNot)
    {
        var scanner = TryCreate([], out whyNot) ?? throw new InvalidOperationException(whyNot);
        var target = TryCreate([], out whyNot);
        if (target is null)
        {
            scanner.Dispose();
            throw new InvalidOperationException(whyNot);
        }

        try
        {
            var suffix = Guid.NewGuid().ToString("N")[..6];
            Run("ip", "link", "add", $"pcs{suffix}", "netns", scanner.Name, "type", "veth", "peer", "name", $"pct{suffix}", "netns", target.Name);
            scanner.Exec("ip", "addr", "add", $"{scannerAddress}/24", "dev", $"pcs{suffix}");
            scanner.Exec("ip", "link", "set", $"pcs{suffix}", "up");
            target.Exec("ip", "addr", "add", $"{targetAddress}/24", "dev", $"pct{suffix}");
            target.Exec("ip", "link", "set", $"pct{suffix}", "up");
            return (scanner, target);
        }
        catch
        {
            scanner.Dispose();
            target.Dispose();
            throw;
        }
    }

    /// <summary>Runs a command inside the namespace (e.g. <c>sysctl</c>, whose network settings are per namespace).</summary>
    public void Exec(params string[] command) => Run("ip", ["netns", "exec", Name, .. command]);

    /// <summary>Runs <paramref name="action"/> on a thread inside the namespace and returns its result.</summary>
    public T RunInside<T>(Func<T> action)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var handle = File.OpenHandle($"/var/run/netns/{Name}");
                if (Native.SetNs((int)handle.DangerousGetHandle(), Native.CLONE_NEWNET) != 0)
                {
                    throw new InvalidOperationException($"setns({Name}) failed: errno {Marshal.GetLastPInvokeError()}");
                }

                result = action();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        })
        { Name = "in " + Name };
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new InvalidOperationException($"Failed inside namespace {Name}.", failure);
        }

        return result;
    }

    public void Dispose()
    {
        try
        {
            Run("ip", "netns", "delete", Name);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static bool CanRun(string file, string argument)
    {
        try
        {
            Run(file, argument);
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static void Run(string file, params string[] arguments) => ExternalCommand.RunChecked(file, arguments);
}
