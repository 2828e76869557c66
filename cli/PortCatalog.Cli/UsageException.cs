using System;

namespace PortCatalog.Cli;

/// <summary>
/// Bad input found while a command runs (an unresolvable host, a transport the command cannot use). The application
/// prints its message as one line and exits with <see cref="ExitCodes.BadInput"/>; no stack trace.
/// </summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
