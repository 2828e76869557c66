using System.Runtime.InteropServices;
using PortCatalog.Probing;

namespace PortCatalog.Tests.Probing;

/// <summary>The engine is chosen in one place; the portable one can be forced by option, AppContext switch or test hook.</summary>
[Collection(ProbeCollection.Name)]
public sealed class ProbeEngineSelectionTests
{
    [Fact]
    public void DefaultIsTheEpollEngineOnLinuxAndThePortableOneElsewhere()
    {
        var engine = ProbeEngines.Get(ProbeEngineKind.Default);

        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            Assert.IsType<LinuxProbeEngine>(engine);
        }
        else
        {
            Assert.IsType<PortableProbeEngine>(engine);
        }
    }

    [Fact]
    public void ThePortableEngineCanBeAskedForSwitchedOnOrForced()
    {
        Assert.IsType<PortableProbeEngine>(ProbeEngines.Get(ProbeEngineKind.Portable));
        Assert.Same(ProbeEngines.Get(ProbeEngineKind.Portable), ProbeEngines.Get(ProbeEngineKind.Portable));

        AppContext.SetSwitch(ProbeEngines.UsePortableEngineSwitch, true);
        try
        {
            Assert.IsType<PortableProbeEngine>(ProbeEngines.Get(ProbeEngineKind.Default));
        }
        finally
        {
            AppContext.SetSwitch(ProbeEngines.UsePortableEngineSwitch, false);
        }

        ProbeEngines.ForcePortable = true;
        try
        {
            Assert.IsType<PortableProbeEngine>(ProbeEngines.Get(ProbeEngineKind.Default));
        }
        finally
        {
            ProbeEngines.ForcePortable = false;
        }
    }
}
