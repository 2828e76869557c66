using System.Runtime.InteropServices;

namespace PortCatalog.Testing;

/// <summary>
/// The tests' network namespaces, so that what a test sends, or the names it resolves, never leave this machine and
/// other processes' sockets cannot disturb it. Two kinds:
/// <list type="bullet">
/// <item>A named namespace of the test's own (<see cref="Create"/>, <c>ip netns</c>) with only <c>lo</c> up and an
/// nftables input chain with the given rules (such as <c>tcp dport 7001 drop</c>), so probes of 127.0.0.1 inside it meet
/// silence or ICMP errors; or two joined by a veth link (<see cref="CreateLinked"/>). Programs run inside with
/// <see cref="Exec"/> and <see cref="Run"/>; code of this process with <see cref="RunInside"/>. Dispose deletes it (and
/// its rules). Tests that use it are <see cref="NetworkNamespaceFactAttribute"/>.</item>
/// <item>A fresh, anonymous one for a single program (<see cref="FreshWithLoopback"/>, <see cref="FreshWithoutNetwork"/>:
/// <c>unshare --net</c>), gone when the program exits. Tests that use it are <see cref="LinuxRootFactAttribute"/>, naming
/// <c>ip</c> when loopback is brought up (<c>[LinuxRootFact("ip")]</c>).</item>
/// </list>
/// </summary>
internal sealed class NetworkNamespace : IDisposable
{
    private NetworkNamespace(string name) => Name = name;

    public string Name { get; }

    /// <summary>
    /// The command prefix that runs a program in a fresh network namespace where only loopback is up, after
    /// <paramref name="setup"/> (shell commands such as <c>ip -6 addr add fd00::1/126 dev lo</c>) ran inside it: any name
    /// the program resolves, any packet it sends, stays inside. Needs root and <c>ip</c>.
    /// </summary>
    public static string[] FreshWithLoopback(string setup = "true")
        => ["unshare", "--net", "sh", "-c", $"ip link set lo up && {setup} && exec \"$@\"", "sh"];

    /// <summary>The command prefix that runs a program in a fresh network namespace where not even loopback is up. Needs root.</summary>
    public static string[] FreshWithoutNetwork { get; } = ["unshare", "--net"];

    /// <summary>Creates a namespace with these nftables input rules; throws, saying what is missing, when it cannot.</summary>
    public static NetworkNamespace Create(params string[] inputRules)
    {
        if (!CanRun("ip", "-V") || !CanRun("nft", "--version"))
        {
            throw new InvalidOperationException("`ip` (iproute2) and `nft` (nftables) are needed; .ci/run installs them.");
        }

        var ns = new NetworkNamespace($"pcprobe-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        try
        {
            RunChecked("ip", "netns", "add", ns.Name);
            ns.Exec("ip", "link", "set", "lo", "up");
            var rules = Path.GetTempFileName();
            try
            {
                File.WriteAllText(rules, "table inet pcprobe {\n  chain input {\n    type filter hook input priority 0; policy accept;\n"
                    + string.Concat(inputRules.Select(rule => $"    {rule}\n"))
                    + "  }\n}\n");
                ns.Exec("nft", "-f", rules);
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
    public static (NetworkNamespace Scanner, NetworkNamespace Target) CreateLinked(string scannerAddress, string targetAddress)
    {
        var scanner = Create();
        NetworkNamespace? target = null;
        try
        {
            target = Create();
            var suffix = Guid.NewGuid().ToString("N")[..6];
            RunChecked("ip", "link", "add", $"pcs{suffix}", "netns", scanner.Name, "type", "veth", "peer", "name", $"pct{suffix}", "netns", target.Name);
            scanner.Exec("ip", "addr", "add", $"{scannerAddress}/24", "dev", $"pcs{suffix}");
            scanner.Exec("ip", "link", "set", $"pcs{suffix}", "up");
            target.Exec("ip", "addr", "add", $"{targetAddress}/24", "dev", $"pct{suffix}");
            target.Exec("ip", "link", "set", $"pct{suffix}", "up");
            return (scanner, target);
        }
        catch
        {
            scanner.Dispose();
            target?.Dispose();
            throw;
        }
    }

    /// <summary>The command prefix that runs a program inside this namespace (<c>ip netns exec</c>).</summary>
    public string[] ExecPrefix => ["ip", "netns", "exec", Name];

    /// <summary>Runs a command inside the namespace (e.g. <c>sysctl</c>, whose network settings are per namespace); a non-zero exit throws.</summary>
    public void Exec(params string[] command) => RunChecked("ip", ["netns", "exec", Name, .. command]);

    /// <summary>Runs a command inside the namespace and returns its exit code and output, whatever the exit code.</summary>
    public ProcessResult Run(TimeSpan timeout, params string[] command) => ExternalCommand.Run("ip", ["netns", "exec", Name, .. command], timeout);

    /// <summary>
    /// Runs <paramref name="action"/> on a dedicated thread that joins the namespace with <c>setns</c>, and returns its
    /// result. Sockets belong to the namespace of the thread that creates them, so an engine in this process probes
    /// inside the namespace while its epoll threads stay outside.
    /// </summary>
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
            RunChecked("ip", "netns", "delete", Name);
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
            RunChecked(file, argument);
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static void RunChecked(string file, params string[] arguments) => ExternalCommand.RunChecked(file, arguments);
}
