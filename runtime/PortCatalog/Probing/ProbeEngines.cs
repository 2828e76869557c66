using System;
using System.Threading;

namespace PortCatalog.Probing;

/// <summary>
/// The one place an engine is chosen: the Linux epoll engine on Linux with .NET 8 or later, the portable engine
/// elsewhere, and the portable engine whenever it is asked for by <see cref="ProbeEngineKind.Portable"/>, by the
/// <c>PortCatalog.Probing.UsePortableEngine</c> AppContext switch, or by tests through <see cref="ForcePortable"/>.
/// Engines are process-wide singletons: their threads and pools serve every probe and scanner.
/// </summary>
internal static class ProbeEngines
{
    /// <summary>The AppContext switch (runtimeconfig.json or <c>AppContext.SetSwitch</c>) that forces the portable engine.</summary>
    public const string UsePortableEngineSwitch = "PortCatalog.Probing.UsePortableEngine";

#if NET8_0_OR_GREATER
    private static IProbeEngine? s_native;
#endif
    private static IProbeEngine? s_portable;

    /// <summary>A test hook: while true, every request gets the portable engine.</summary>
    public static bool ForcePortable { get; set; }

    /// <summary>The engine for <paramref name="kind"/>, created on first use.</summary>
    public static IProbeEngine Get(ProbeEngineKind kind)
    {
        if (kind == ProbeEngineKind.Portable || ForcePortable
            || (AppContext.TryGetSwitch(UsePortableEngineSwitch, out var usePortable) && usePortable))
        {
            return LazyInitializer.EnsureInitialized(ref s_portable, static () => new PortableProbeEngine())!;
        }

#if NET8_0_OR_GREATER
        if (OperatingSystem.IsLinux())
        {
            return LazyInitializer.EnsureInitialized(ref s_native, static () => new LinuxProbeEngine())!;
        }
#endif

        return LazyInitializer.EnsureInitialized(ref s_portable, static () => new PortableProbeEngine())!;
    }
}
