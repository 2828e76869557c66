using System.Net.Sockets;
using PortCatalog.Interop;
using PortCatalog.Probing;

namespace PortCatalog.Tests.Probing;

/// <summary>The one table from what the OS said (errno, ICMP type and code) to a state and a reason.</summary>
public sealed class OutcomeClassifierTests
{
    [Theory]
    [InlineData(Errno.ECONNREFUSED, false, PortState.Closed, PortReason.ConnRefused)]
    [InlineData(Errno.ECONNREFUSED, true, PortState.Closed, PortReason.PortUnreach)]
    [InlineData(Errno.ECONNRESET, false, PortState.Closed, PortReason.Reset)]
    [InlineData(Errno.EHOSTUNREACH, false, PortState.Filtered, PortReason.HostUnreach)]
    [InlineData(Errno.EHOSTDOWN, true, PortState.Filtered, PortReason.HostUnreach)]
    [InlineData(Errno.ENETUNREACH, false, PortState.Filtered, PortReason.NetUnreach)]
    [InlineData(Errno.ENOPROTOOPT, false, PortState.Filtered, PortReason.ProtoUnreach)] // ICMP protocol unreachable
    [InlineData(Errno.ENOPROTOOPT, true, PortState.Filtered, PortReason.ProtoUnreach)]
    [InlineData(Errno.EACCES, false, PortState.Filtered, PortReason.AdminProhibited)]
    [InlineData(Errno.EPERM, true, PortState.Filtered, PortReason.AdminProhibited)]
    [InlineData(Errno.ETIMEDOUT, false, PortState.Filtered, PortReason.NoResponse)]
    [InlineData(Errno.EMSGSIZE, false, PortState.Filtered, PortReason.UnknownResponse)]
    [InlineData(Errno.EPROTO, true, PortState.Filtered, PortReason.UnknownResponse)]
    [InlineData(Errno.ENONET, false, PortState.Filtered, PortReason.UnknownResponse)]
    public void ErrorsFromTheNetworkAreStatesWithAReason(int errno, bool isUdp, PortState state, PortReason reason)
    {
        Assert.True(OutcomeClassifier.TryClassify(Errno.ToSocketError(errno), isUdp, out var outcome));
        Assert.Equal(new ProbeOutcome(state, reason), outcome);
    }

    [Theory]
    [InlineData(Errno.EMFILE, SocketError.TooManyOpenSockets)]
    [InlineData(Errno.ENFILE, SocketError.TooManyOpenSockets)]
    [InlineData(Errno.ENOBUFS, SocketError.NoBufferSpaceAvailable)]
    [InlineData(Errno.EADDRNOTAVAIL, SocketError.AddressNotAvailable)]
    [InlineData(Errno.EAFNOSUPPORT, SocketError.AddressFamilyNotSupported)]
    public void ErrorsAboutThisMachineAreExceptionsThatNameTheirErrno(int errno, SocketError expected)
    {
        Assert.False(OutcomeClassifier.TryClassify(Errno.ToSocketError(errno), isUdp: false, out _));
        var exception = Errno.ToException(errno, "socket");
        Assert.Equal(expected, exception.SocketErrorCode);
        Assert.Contains(Errno.Name(errno), exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, 3, 0, PortState.Filtered, PortReason.NetUnreach)]
    [InlineData(false, 3, 1, PortState.Filtered, PortReason.HostUnreach)]
    [InlineData(false, 3, 2, PortState.Filtered, PortReason.ProtoUnreach)]
    [InlineData(false, 3, 3, PortState.Closed, PortReason.PortUnreach)]
    [InlineData(false, 3, 9, PortState.Filtered, PortReason.NetProhibited)]
    [InlineData(false, 3, 10, PortState.Filtered, PortReason.HostProhibited)]
    [InlineData(false, 3, 13, PortState.Filtered, PortReason.AdminProhibited)]
    [InlineData(false, 11, 0, PortState.Filtered, PortReason.TimeExceeded)]
    [InlineData(true, 1, 0, PortState.Filtered, PortReason.NetUnreach)]
    [InlineData(true, 1, 1, PortState.Filtered, PortReason.AdminProhibited)]
    [InlineData(true, 1, 3, PortState.Filtered, PortReason.HostUnreach)]
    [InlineData(true, 1, 4, PortState.Closed, PortReason.PortUnreach)]
    [InlineData(true, 3, 0, PortState.Filtered, PortReason.TimeExceeded)]
    [InlineData(true, 4, 0, PortState.Filtered, PortReason.UnknownResponse)]
    public void IcmpTypesAndCodesMapAsNmapNamesThem(bool isIPv6, int type, int code, PortState state, PortReason reason)
        => Assert.Equal(new ProbeOutcome(state, reason), OutcomeClassifier.ClassifyIcmp(isIPv6, type, code, isUdp: true));

    [Theory]
    [InlineData(false, 3)]
    [InlineData(true, 4)]
    public void ATcpProbeAnsweredByIcmpPortUnreachableIsFilteredAsNmapSays(bool isIPv6, int code)
        => Assert.Equal(new ProbeOutcome(PortState.Filtered, PortReason.PortUnreach), OutcomeClassifier.ClassifyIcmp(isIPv6, isIPv6 ? 1 : 3, code, isUdp: false));

    [Fact]
    public void EveryReasonHasAnNmapWord()
    {
        foreach (var reason in Enum.GetValues<PortReason>())
        {
            Assert.Matches("^[a-z]+(-[a-z]+)*$", reason.ToNmapName());
        }

        Assert.Equal("proto-unreach", PortReason.ProtoUnreach.ToNmapName());
        Assert.Equal("syn-ack", PortReason.SynAck.ToNmapName());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((PortReason)999).ToNmapName());
    }
}
