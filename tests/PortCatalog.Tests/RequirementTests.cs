namespace PortCatalog.Tests;

/// <summary>The skip-or-fail rule every conditional test follows (tests/Shared/Requirement.cs).</summary>
public sealed class RequirementTests
{
    [Fact]
    public void AMissingRequirementSkipsWithItsReasonOutsideCiAndRunsToFailUnderCi()
    {
        Assert.Equal("needs nft", Requirement.SkipUnless(false, "needs nft", isCI: false));
        Assert.Null(Requirement.SkipUnless(false, "needs nft", isCI: true));
        Assert.Null(Requirement.SkipUnless(true, "needs nft", isCI: false));
    }

    [Fact]
    public void AMissingProgramNamesThePackageThatProvidesIt()
    {
        var (met, reason) = Requirement.Program("no-such-program-pc10", "no-such-package");

        Assert.False(met);
        Assert.Contains("no-such-package", reason, StringComparison.Ordinal);
        Assert.Equal("nftables", TestEnvironment.PackageOf("nft"));
        Assert.Equal("chrony", TestEnvironment.PackageOf("chronyd"));
    }
}
