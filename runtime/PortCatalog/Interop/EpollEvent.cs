using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PortCatalog.Interop;

/// <summary>
/// Reads and writes <c>struct epoll_event</c> in raw memory. Its layout differs by architecture: glibc declares it
/// <c>__attribute__((packed))</c> on x86-64 (12 bytes, data at offset 4) and naturally aligned elsewhere (16 bytes,
/// data at offset 8), so one managed struct cannot describe both.
/// </summary>
internal static unsafe class EpollEvent
{
    /// <summary>The size of one event in bytes.</summary>
    public static readonly int Size = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;

    private static readonly int s_dataOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4 : 8;

    public static void Write(byte* ev, uint events, ulong data)
    {
        Unsafe.WriteUnaligned(ev, events);
        Unsafe.WriteUnaligned(ev + s_dataOffset, data);
    }

    public static uint ReadEvents(byte* events, int index) => Unsafe.ReadUnaligned<uint>(events + (index * Size));

    public static ulong ReadData(byte* events, int index) => Unsafe.ReadUnaligned<ulong>(events + (index * Size) + s_dataOffset);
}
