using System.Runtime.InteropServices;
using PortCatalog.Probing;

namespace PortCatalog.Tests.Probing;

/// <summary>The engine is chosen in one place; the portable one can be forced by option, AppContext switch or test hook.</summary>
[Collection(ProbeCollection.Name)]
public sealed class ProbeEngineSelectionTests
{
    [Fact]
    public void Default_is_the_epoll_engine_on_linux_and_the_portable_one_elsewhere()
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
    public void The_portable_engine_can_be_asked_for_switched_on_or_forced()
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
