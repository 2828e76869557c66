using System.Reflection;

namespace PortCatalog.Cli;

/// <summary>portcat's version, as the package and <c>--version</c> give it.</summary>
internal static class AppVersion
{
    public static string Text { get; } = (typeof(AppVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
