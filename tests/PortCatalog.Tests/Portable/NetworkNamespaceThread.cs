using System.ComponentModel;
using System.Runtime.InteropServices;

namespace PortCatalog.Tests.Portable;

/// <summary>
/// Runs code on a thread of its own that has left the process's network namespace for a new, empty one, so a test
/// can change per-namespace settings (the ephemeral port range) without touching the machine's.
/// </summary>
/// <remarks>
/// <c>unshare(CLONE_NEWNET)</c> moves only the calling thread. Sockets belong to the namespace of the thread that
/// creates them, and child processes to the namespace of the thread that forks them, so everything the action creates
/// synchronously stays inside. The namespace disappears when the thread and its sockets are gone.
/// </remarks>
internal static class NetworkNamespaceThread
{
    private const int CloneNewNet = 0x40000000;

    /// <summary>Whether this process may create a network namespace (root on Linux, and not forbidden by a sandbox).</summary>
    public static string? WhyUnavailable { get; } = Probe();

    public static T Run<T>(Func<T> action)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                Enter();
                result = action();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();

        if (failure is not null)
        {
            throw new InvalidOperationException("The action in the network namespace failed.", failure);
        }

        return result;
    }

    private static void Enter()
    {
        if (Unshare(CloneNewNet) != 0)
        {
            throw new Win32Exception(Marshal.GetLastWin32Error(), "unshare(CLONE_NEWNET)");
        }

        // A new namespace has only a loopback interface, and it is down.
        Exec("ip", "link set lo up");
    }

    /// <summary>Runs a command inside the namespace; only valid on a thread <see cref="Run{T}"/> started.</summary>
    public static void Exec(string command, string arguments)
        => ExternalCommand.RunChecked(command, arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string? Probe()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return "Needs Linux network namespaces.";
        }

        if (!TestEnvironment.IsLinuxRoot)
        {
            return "Needs root to create a network namespace; CI runs as root.";
        }

        if (!TestEnvironment.IsInstalled("ip"))
        {
            return "Needs the ip command (iproute2, which .ci/run installs) to bring up loopback in the namespace.";
        }

        try
        {
            return Run(static () => (string?)null);
        }
        catch (Exception e)
        {
            return $"This machine refuses a new network namespace: {e.InnerException?.Message ?? e.Message}";
        }
    }

    [DllImport("libc", EntryPoint = "unshare", SetLastError = true)]
    private static extern int Unshare(int flags);

}

/// <summary>A fact that runs only where <see cref="NetworkNamespaceThread"/> can create a network namespace.</summary>
public sealed class NetworkNamespaceFactAttribute : FactAttribute
{
    public NetworkNamespaceFactAttribute()
    {
        if (NetworkNamespaceThread.WhyUnavailable is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A fact that also needs nftables (installed by .ci/run) to add firewall rules inside the namespace.</summary>
public sealed class NetworkNamespaceFirewallFactAttribute : FactAttribute
{
    public NetworkNamespaceFirewallFactAttribute()
    {
        if (NetworkNamespaceThread.WhyUnavailable is { } reason)
        {
            Skip = reason;
        }
        else if (!TestEnvironment.IsInstalled("nft"))
        {
            Skip = "Needs nft (nftables, which .ci/run installs) to filter ports inside the namespace.";
        }
    }
}
