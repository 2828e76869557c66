using System;

namespace PortCatalog.Probing;

/// <summary>Argument checks shared by the public probe API, each naming the offending parameter.</summary>
internal static class Guard
{
    public const int MaxPort = 65535;

    public static void Port(int port, string parameterName)
    {
        if ((uint)port > MaxPort)
        {
            throw new ArgumentOutOfRangeException(parameterName, port, $"A port number is between 0 and {MaxPort}.");
        }
    }

    public static void Timeout(TimeSpan timeout, string parameterName)
    {
        if (timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(parameterName, timeout, "The timeout must be positive.");
        }
    }

    public static T NotNull<T>(T? value, string parameterName)
        where T : class
        => value ?? throw new ArgumentNullException(parameterName);
}
