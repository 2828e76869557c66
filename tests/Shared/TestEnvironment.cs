using System.Runtime.InteropServices;

namespace PortCatalog.Testing;

/// <summary>What this machine offers the tests that need more than .NET: Linux, root, installed programs.</summary>
internal static class TestEnvironment
{
    public static bool IsLinux { get; } = RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

    /// <summary>Whether the tests run as root on Linux (network namespaces, firewall rules).</summary>
    public static bool IsLinuxRoot { get; } = IsLinux && Native.Geteuid() == 0;

    /// <summary>
    /// The full path of a program on the PATH or in the sbin folders (where daemons and ip/nft live, which a non-login
    /// PATH may lack), or null.
    /// </summary>
    public static string? Locate(string program)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin"])
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    public static bool IsInstalled(string program) => Locate(program) is not null;

    /// <summary>The Debian package that provides <paramref name="program"/> (what .ci/run installs), for skip messages.</summary>
    public static string PackageOf(string program) => program switch
    {
        "ip" => "iproute2",
        "nft" => "nftables",
        "prlimit" => "util-linux",
        "dnsmasq" => "dnsmasq-base",
        "chronyd" => "chrony",
        _ => program,
    };
}
