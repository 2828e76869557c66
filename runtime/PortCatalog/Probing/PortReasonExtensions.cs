using System;

namespace PortCatalog;

/// <summary>Text for a <see cref="PortReason"/>.</summary>
public static class PortReasonExtensions
{
    /// <summary>The word nmap's <c>--reason</c> prints for <paramref name="reason"/> (<c>syn-ack</c>, <c>port-unreach</c>, ...).</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>nmap's word; <c>self-connect</c> (not nmap's) for <see cref="PortReason.SelfConnect"/>; <c>unknown</c> for <see cref="PortReason.None"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not a defined value.</exception>
    public static string ToNmapName(this PortReason reason) => reason switch
    {
        PortReason.None => "unknown",
        PortReason.SynAck => "syn-ack",
        PortReason.ConnRefused => "conn-refused",
        PortReason.Reset => "reset",
        PortReason.UdpResponse => "udp-response",
        PortReason.PortUnreach => "port-unreach",
        PortReason.HostUnreach => "host-unreach",
        PortReason.NetUnreach => "net-unreach",
        PortReason.ProtoUnreach => "proto-unreach",
        PortReason.AdminProhibited => "admin-prohibited",
        PortReason.HostProhibited => "host-prohibited",
        PortReason.NetProhibited => "net-prohibited",
        PortReason.TimeExceeded => "time-exceeded",
        PortReason.NoResponse => "no-response",
        PortReason.SelfConnect => "self-connect",
        PortReason.UnknownResponse => "unknown-response",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a PortReason."),
    };
}
