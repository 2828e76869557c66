using System.Net.Sockets;

namespace PortCatalog.Interop;

/// <summary>
/// The one errno table of the Linux engine (x86-64 and arm64 share the asm-generic numbers): the values it tests,
/// their <see cref="SocketError"/> (what <see cref="Probing.OutcomeClassifier"/> reasons about, as System.Net.Sockets
/// maps them), their names, and the exception for an errno that is a failure of this machine.
/// </summary>
internal static class Errno
{
    public const int EPERM = 1;
    public const int EINTR = 4;
    public const int EBADF = 9;
    public const int EAGAIN = 11;
    public const int ENOMEM = 12;
    public const int EACCES = 13;
    public const int EFAULT = 14;
    public const int EINVAL = 22;
    public const int ENFILE = 23;
    public const int EMFILE = 24;
    public const int ENONET = 64;
    public const int EPROTO = 71;
    public const int EMSGSIZE = 90;
    public const int ENOTSOCK = 88;
    public const int ENOPROTOOPT = 92;
    public const int EPROTONOSUPPORT = 93;
    public const int EOPNOTSUPP = 95;
    public const int EAFNOSUPPORT = 97;
    public const int EADDRINUSE = 98;
    public const int EADDRNOTAVAIL = 99;
    public const int ENETDOWN = 100;
    public const int ENETUNREACH = 101;
    public const int ECONNRESET = 104;
    public const int ENOBUFS = 105;
    public const int EISCONN = 106;
    public const int ETIMEDOUT = 110;
    public const int ECONNREFUSED = 111;
    public const int EHOSTDOWN = 112;
    public const int EHOSTUNREACH = 113;
    public const int EALREADY = 114;
    public const int EINPROGRESS = 115;

    /// <summary>The <see cref="SocketError"/> for <paramref name="errno"/>, as System.Net.Sockets reports it on Linux.</summary>
    public static SocketError ToSocketError(int errno) => errno switch
    {
        0 => SocketError.Success,
        EPERM or EACCES => SocketError.AccessDenied,
        EINTR => SocketError.Interrupted,
        EBADF => SocketError.OperationAborted,
        EAGAIN => SocketError.WouldBlock,
        ENOMEM or ENOBUFS => SocketError.NoBufferSpaceAvailable,
        EFAULT => SocketError.Fault,
        EINVAL => SocketError.InvalidArgument,
        ENFILE or EMFILE => SocketError.TooManyOpenSockets,
        ENOTSOCK => SocketError.NotSocket,
        EMSGSIZE => SocketError.MessageSize,
        ENOPROTOOPT => SocketError.ProtocolOption,
        EPROTONOSUPPORT => SocketError.ProtocolNotSupported,
        EOPNOTSUPP => SocketError.OperationNotSupported,
        EAFNOSUPPORT => SocketError.AddressFamilyNotSupported,
        EADDRINUSE => SocketError.AddressAlreadyInUse,
        EADDRNOTAVAIL => SocketError.AddressNotAvailable,
        ENETDOWN => SocketError.NetworkDown,
        ENETUNREACH => SocketError.NetworkUnreachable,
        ECONNRESET => SocketError.ConnectionReset,
        EISCONN => SocketError.IsConnected,
        ETIMEDOUT => SocketError.TimedOut,
        ECONNREFUSED => SocketError.ConnectionRefused,
        EHOSTDOWN => SocketError.HostDown,
        EHOSTUNREACH => SocketError.HostUnreachable,
        EALREADY => SocketError.AlreadyInProgress,
        EINPROGRESS => SocketError.InProgress,
        _ => SocketError.SocketError,
    };

    /// <summary>The symbolic name of <paramref name="errno"/> (<c>EMFILE</c>), or <c>errno N</c> for one this table lacks.</summary>
    public static string Name(int errno) => errno switch
    {
        EPERM => "EPERM",
        EINTR => "EINTR",
        EBADF => "EBADF",
        EAGAIN => "EAGAIN",
        ENOMEM => "ENOMEM",
        EACCES => "EACCES",
        EFAULT => "EFAULT",
        EINVAL => "EINVAL",
        ENFILE => "ENFILE",
        EMFILE => "EMFILE",
        ENONET => "ENONET",
        EPROTO => "EPROTO",
        EMSGSIZE => "EMSGSIZE",
        ENOTSOCK => "ENOTSOCK",
        ENOPROTOOPT => "ENOPROTOOPT",
        EPROTONOSUPPORT => "EPROTONOSUPPORT",
        EOPNOTSUPP => "EOPNOTSUPP",
        EAFNOSUPPORT => "EAFNOSUPPORT",
        EADDRINUSE => "EADDRINUSE",
        EADDRNOTAVAIL => "EADDRNOTAVAIL",
        ENETDOWN => "ENETDOWN",
        ENETUNREACH => "ENETUNREACH",
        ECONNRESET => "ECONNRESET",
        ENOBUFS => "ENOBUFS",
        EISCONN => "EISCONN",
        ETIMEDOUT => "ETIMEDOUT",
        ECONNREFUSED => "ECONNREFUSED",
        EHOSTDOWN => "EHOSTDOWN",
        EHOSTUNREACH => "EHOSTUNREACH",
        EALREADY => "EALREADY",
        EINPROGRESS => "EINPROGRESS",
        _ => "errno " + errno.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The exception for an errno that is a failure of this machine, not an answer about a port: its
    /// <see cref="SocketException.SocketErrorCode"/> is the mapped <see cref="SocketError"/> and its message names the errno.
    /// </summary>
    public static SocketException ToException(int errno, string operation)
    {
        var error = ToSocketError(errno);
        var code = error == SocketError.WouldBlock ? SocketError.AddressNotAvailable : error; // EAGAIN from connect: no ephemeral port
        return new SocketException((int)code, $"{operation} failed with {Name(errno)} ({errno}): {Describe(code)}");
    }

    private static string Describe(SocketError error) => error switch
    {
        SocketError.TooManyOpenSockets => "the process or the system is out of file descriptors",
        SocketError.NoBufferSpaceAvailable => "the kernel is out of socket buffer memory",
        SocketError.AddressNotAvailable => "no local address or ephemeral port is available",
        SocketError.AddressFamilyNotSupported => "this machine has no stack for the address family (IPv6 disabled?)",
        _ => "a local failure, not an answer from the probed host",
    };
}
