namespace PortCatalog.Testing;

/// <summary>
/// The one rule for tests that need something beyond .NET (Linux, root, a program, a data file): where it is missing
/// they skip with the reason, except under <c>CI=true</c>, where they run anyway and so fail on what is missing. CI
/// (<c>.ci/run</c>) installs everything the tests use, so a skip there would hide a broken environment.
/// </summary>
internal static class Requirement
{
    /// <summary>True when the environment variable <c>CI</c> is <c>true</c> (as on the CI machine).</summary>
    public static bool IsCI { get; } = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The skip reason for a test whose requirement is not <paramref name="met"/>: <paramref name="reason"/>, or null
    /// (run) when it is met or under CI.
    /// </summary>
    public static string? SkipUnless(bool met, string reason) => SkipUnless(met, reason, IsCI);

    /// <summary>As <see cref="SkipUnless(bool, string)"/>, with the CI flag given (so the rule itself can be tested).</summary>
    public static string? SkipUnless(bool met, string reason, bool isCI) => met || isCI ? null : reason;

    /// <summary>The first skip reason of several requirements, checked in order, or null.</summary>
    public static string? SkipUnless(params (bool Met, string Reason)[] requirements)
        => requirements.Select(r => SkipUnless(r.Met, r.Reason)).FirstOrDefault(reason => reason is not null);

    /// <summary>
    /// What a test that creates network namespaces with nftables rules needs: Linux, root, iproute2 (<c>ip</c>) and
    /// nftables (<c>nft</c>), in the order they are checked.
    /// </summary>
    public static (bool Met, string Reason)[] NetworkNamespaces() =>
    [
        (TestEnvironment.IsLinux, "Needs Linux (network namespaces)."),
        (TestEnvironment.IsLinuxRoot, "Needs root to create a network namespace and firewall rules; CI runs as root."),
        Program("ip", "iproute2"),
        Program("nft", "nftables"),
    ];

    /// <summary>The reason for a missing program, naming the Debian package .ci/run installs it from.</summary>
    public static (bool Met, string Reason) Program(string program, string package)
        => (TestEnvironment.IsInstalled(program), $"Needs '{program}' (Debian package {package}; .ci/run installs it).");
}
