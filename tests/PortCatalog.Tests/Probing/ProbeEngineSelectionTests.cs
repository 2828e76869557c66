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

    [Theory]
    [InlineData(111, PortState.Closed)]   // ECONNREFUSED
    [InlineData(104, PortState.Closed)]   // ECONNRESET
    [InlineData(113, PortState.Filtered)] // EHOSTUNREACH
    [InlineData(101, PortState.Filtered)] // ENETUNREACH
    [InlineData(13, PortState.Filtered)]  // EACCES
    [InlineData(1, PortState.Filtered)]   // EPERM (a local firewall rejected the packet)
    [InlineData(110, PortState.Filtered)] // ETIMEDOUT
    public void Errors_about_the_port_map_to_its_state(int errno, PortState expected)
    {
        Assert.True(LinuxProbeEngine.TryClassifyError(errno, out var state));
        Assert.Equal(expected, state);
    }

    [Theory]
    [InlineData(24, System.Net.Sockets.SocketError.TooManyOpenSockets)] // EMFILE
    [InlineData(105, System.Net.Sockets.SocketError.NoBufferSpaceAvailable)] // ENOBUFS
    [InlineData(99, System.Net.Sockets.SocketError.AddressNotAvailable)] // EADDRNOTAVAIL
    public void Errors_about_this_machine_are_exceptions_not_states(int errno, System.Net.Sockets.SocketError expected)
    {
        Assert.False(LinuxProbeEngine.TryClassifyError(errno, out _));
        Assert.Equal(expected, LinuxProbeEngine.ToSocketException(errno).SocketErrorCode);
    }
}
