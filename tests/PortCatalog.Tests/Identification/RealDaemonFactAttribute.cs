namespace PortCatalog.Tests.Identification;

/// <summary>
/// A fact that needs a real daemon: Linux, root and iproute2/nftables for the tests' own network namespaces, and the
/// daemon's program (installed by .ci/run). Missing any of them skips the test with the reason, except under
/// <c>CI=true</c>, where the test runs and fails with it: CI installs everything, so a skip there would hide a gap.
/// </summary>
public sealed class RealDaemonFactAttribute : FactAttribute
{
    /// <param name="program">The daemon's program, found on the PATH or in the sbin folders (a full path is checked as is).</param>
    /// <param name="package">The Debian package that installs it.</param>
    public RealDaemonFactAttribute(string program, string package)
    {
        Skip = Requirement.SkipUnless(
            [
                .. Requirement.NetworkNamespaces(),
                (Path.IsPathRooted(program) ? File.Exists(program) : TestEnvironment.IsInstalled(program), $"{program} is not installed; .ci/run installs it ({package})."),
            ]);
    }
}
