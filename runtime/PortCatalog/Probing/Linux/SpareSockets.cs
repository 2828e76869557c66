using System.Diagnostics;
using System.Threading;
using PortCatalog.Interop;

namespace PortCatalog.Probing;

/// <summary>
/// TCP sockets whose last connect was refused by a reset, kept for the next probe of the same family: Linux lets a
/// refused socket connect again, which saves a <c>socket</c> and a <c>close</c> (about 40% of the kernel's work for a
/// refused probe on loopback). Two slots per family (AF_INET, AF_INET6), taken and returned with <see cref="Interlocked"/>.
/// A spare unused for <see cref="Lifetime"/> is closed by <see cref="Expire"/>, and <see cref="CloseAll"/> closes every
/// one (when a scan ends or the engine is disposed), so an idle engine holds no socket.
/// </summary>
/// <remarks>
/// Only sockets refused by a plain reset come here: a socket that was connected to an IPv4-mapped address keeps IPv4
/// behaviour after the refusal (a later native IPv6 connect through it fails), and one refused by an ICMP error may still
/// have that error queued; both are closed instead.
/// </remarks>
internal sealed class SpareSockets
{
    /// <summary>How long a spare may stay unused before it is closed (100 ms).</summary>
    public static readonly long Lifetime = Stopwatch.Frequency / 10;

    private readonly int[] _fds = [-1, -1, -1, -1];
    private readonly long[] _returnedAt = new long[4];

    /// <summary>Takes a spare socket of <paramref name="family"/>, or returns -1.</summary>
    public int TryTake(int family)
    {
        var first = First(family);
        for (var i = first; i < first + 2; i++)
        {
            if (Volatile.Read(ref _fds[i]) >= 0)
            {
                var fd = Interlocked.Exchange(ref _fds[i], -1);
                if (fd >= 0)
                {
                    return fd;
                }
            }
        }

        return -1;
    }

    /// <summary>Keeps <paramref name="fd"/>; false when both of its family's slots are taken (the caller closes it then).</summary>
    public bool TryReturn(int family, int fd)
    {
        var first = First(family);
        for (var i = first; i < first + 2; i++)
        {
            if (Volatile.Read(ref _fds[i]) < 0)
            {
                Volatile.Write(ref _returnedAt[i], Stopwatch.GetTimestamp());
                if (Interlocked.CompareExchange(ref _fds[i], fd, -1) == -1)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True while any spare is kept.</summary>
    public bool Any()
    {
        for (var i = 0; i < _fds.Length; i++)
        {
            if (Volatile.Read(ref _fds[i]) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Closes the spares unused for <see cref="Lifetime"/> at <paramref name="now"/> (Stopwatch ticks).</summary>
    public void Expire(long now)
    {
        for (var i = 0; i < _fds.Length; i++)
        {
            if (Volatile.Read(ref _fds[i]) >= 0 && now - Volatile.Read(ref _returnedAt[i]) >= Lifetime)
            {
                Close(i);
            }
        }
    }

    /// <summary>Closes every spare.</summary>
    public void CloseAll()
    {
        for (var i = 0; i < _fds.Length; i++)
        {
            Close(i);
        }
    }

    private void Close(int slot)
    {
        var fd = Interlocked.Exchange(ref _fds[slot], -1);
        if (fd >= 0)
        {
            Libc.Close(fd);
        }
    }

    private static int First(int family) => family == Libc.AF_INET ? 0 : 2;
}
