using System;
using System.Runtime.CompilerServices;

namespace PortCatalog.Interop;

/// <summary>
/// Reads a socket's error queue (<c>recvmsg(MSG_ERRQUEUE)</c>), where Linux keeps the ICMP errors for a socket with
/// <c>IP_RECVERR</c> / <c>IPV6_RECVERR</c> set: each as a <c>struct sock_extended_err</c> carrying the ICMP type and code,
/// which errno alone loses (host unreachable and admin prohibited are both EHOSTUNREACH). The queue also reports errors
/// a plain socket never hears: a connected UDP socket is told about host and network unreachable, and a TCP connect
/// hears an ICMPv6 error at once instead of after its SYN retransmission.
/// </summary>
internal static unsafe class ErrorQueue
{
    /// <summary><c>SO_EE_ORIGIN_ICMP</c>: the error is an ICMP message.</summary>
    public const int OriginIcmp = 2;

    /// <summary><c>SO_EE_ORIGIN_ICMP6</c>: the error is an ICMPv6 message.</summary>
    public const int OriginIcmp6 = 3;

    // struct msghdr on 64-bit Linux: msg_name(8) msg_namelen(4, padded to 8) msg_iov(8) msg_iovlen(8)
    // msg_control(8) msg_controllen(8) msg_flags(4, padded to 8).
    private const int MessageSize = 56;
    private const int IovOffset = 16;
    private const int IovLengthOffset = 24;
    private const int ControlOffset = 32;
    private const int ControlLengthOffset = 40;

    // struct cmsghdr: cmsg_len(8) cmsg_level(4) cmsg_type(4), then the data, aligned to 8.
    private const int ControlHeaderSize = 16;
    private const int ControlSize = 128;

    /// <summary>
    /// Takes the oldest error off <paramref name="fd"/>'s error queue. True when there was one: <paramref name="origin"/> is
    /// <see cref="OriginIcmp"/>, <see cref="OriginIcmp6"/> or another origin (local), with the ICMP type and code.
    /// </summary>
    public static bool TryRead(int fd, out int errno, out int origin, out int type, out int code)
    {
        var message = stackalloc byte[MessageSize];
        var control = stackalloc byte[ControlSize];
        var iov = stackalloc byte[16];
        byte payload;
        new Span<byte>(message, MessageSize).Clear();
        Unsafe.WriteUnaligned(iov, (nint)(&payload));
        Unsafe.WriteUnaligned(iov + 8, (nint)1);
        Unsafe.WriteUnaligned(message + IovOffset, (nint)iov);
        Unsafe.WriteUnaligned(message + IovLengthOffset, (nint)1);
        Unsafe.WriteUnaligned(message + ControlOffset, (nint)control);
        Unsafe.WriteUnaligned(message + ControlLengthOffset, (nint)ControlSize);

        errno = origin = type = code = 0;
        if (Libc.RecvMsg(fd, message, Libc.MSG_ERRQUEUE | Libc.MSG_DONTWAIT) < 0)
        {
            return false;
        }

        var controlLength = (long)Unsafe.ReadUnaligned<nint>(message + ControlLengthOffset);
        for (long offset = 0; offset + ControlHeaderSize <= controlLength;)
        {
            var length = (long)Unsafe.ReadUnaligned<nint>(control + offset);
            var level = Unsafe.ReadUnaligned<int>(control + offset + 8);
            var kind = Unsafe.ReadUnaligned<int>(control + offset + 12);
            if (length < ControlHeaderSize)
            {
                break;
            }

            if ((level == Libc.SOL_IP && kind == Libc.IP_RECVERR) || (level == Libc.SOL_IPV6 && kind == Libc.IPV6_RECVERR))
            {
                // struct sock_extended_err: ee_errno(4) ee_origin(1) ee_type(1) ee_code(1) ee_pad(1) ee_info(4) ee_data(4).
                var error = control + offset + ControlHeaderSize;
                errno = (int)Unsafe.ReadUnaligned<uint>(error);
                origin = error[4];
                type = error[5];
                code = error[6];
                return true;
            }

            offset += (length + 7) & ~7L;
        }

        // An error without the extended record (should not happen with RECVERR set): report it as local.
        return true;
    }
}
