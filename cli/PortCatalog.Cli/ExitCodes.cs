namespace PortCatalog.Cli;

/// <summary>The process exit codes portcat documents (docs/cli.md); scripts rely on them.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary><c>lookup</c> found no catalog entry for at least one query.</summary>
    public const int NotFound = 1;

    /// <summary>Bad input: an unknown option, a bad port list, an unresolvable host, a value out of range.</summary>
    public const int BadInput = 2;

    /// <summary>A failure that is not the input's fault, such as the operating system refusing a socket.</summary>
    public const int Failure = 3;

    /// <summary>Stopped by Ctrl+C (SIGINT), after printing what was found; 128 + SIGINT, as shells report it.</summary>
    public const int Interrupted = 130;
}
