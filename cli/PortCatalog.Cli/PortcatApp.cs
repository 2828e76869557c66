using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Linq;
using System.Threading.Tasks;
using PortCatalog.Cli.Commands;

namespace PortCatalog.Cli;

/// <summary>
/// portcat's command tree and its exit-code contract: 0 success, 1 a lookup miss, 2 bad input (one line, no stack
/// trace; parse errors included), 3 a failure that is not the input's fault, 130 Ctrl+C.
/// </summary>
internal static class PortcatApp
{
    // After Ctrl+C the scan stops, closes its sockets and prints its partial result; give that time before the
    // process is ended with 130 regardless.
    private static readonly TimeSpan TerminationGrace = TimeSpan.FromSeconds(10);

    public static RootCommand CreateRootCommand(CliConsole console)
    {
        var root = new RootCommand("""
            portcat: look up well-known ports, list the catalog, scan hosts, show this machine's listeners, find a free port.
            Exit codes: 0 success, 1 lookup found nothing, 2 bad input, 3 other failure, 130 interrupted (Ctrl+C).
            """)
        {
            LookupCommand.Create(console),
            ListCommand.Create(console),
            ScanCommand.Create(console),
            ListenersCommand.Create(console),
            FreePortCommand.Create(console),
            WaitCommand.Create(console),
        }.WithExamples(
            "portcat lookup ssh 5432/tcp",
            "portcat scan 127.0.0.1",
            "portcat listeners --format json");
        CommandHelp.Install(root);
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var console = CliConsole.Standard;

        // Bare `portcat` shows what it can do, but is still not a successful command.
        var parseResult = CreateRootCommand(console).Parse(args.Length == 0 ? ["--help"] : args);

        // A word that looks like an option but is none (--bogus, -T4, --opne) must stop here, before any host is
        // resolved: System.CommandLine would otherwise take it as a host argument and send it to the resolver.
        if (UnknownOptions(parseResult, args).FirstOrDefault() is { } unknown)
        {
            console.Fail($"unknown option '{unknown}' (see 'portcat {CommandPath(parseResult)}--help')");
            return ExitCodes.BadInput;
        }

        // System.CommandLine splits "--udp=maybe" into the switch and a word it then takes as a host; refuse it instead.
        if (SwitchWithValue(parseResult, args) is { } switchWithValue)
        {
            console.Fail($"'{switchWithValue}': {switchWithValue[..switchWithValue.IndexOf('=')]} is a switch and takes no value (see 'portcat {CommandPath(parseResult)}--help')");
            return ExitCodes.BadInput;
        }

        // System.CommandLine answers a parse error with help text and exit code 1; portcat's contract is one line
        // naming what was wrong and exit code 2 (1 means "lookup found nothing"). --help clears parse errors itself.
        if (parseResult.Action is ParseErrorAction && parseResult.Errors.Count > 0)
        {
            var messages = parseResult.Errors.Select(e => e.Message).Distinct(StringComparer.Ordinal);
            console.Fail($"{string.Join(" ", messages)} (see 'portcat {CommandPath(parseResult)}--help')");
            return ExitCodes.BadInput;
        }

        try
        {
            var exitCode = await parseResult.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = TerminationGrace,
            }).ConfigureAwait(false);
            return args.Length == 0 ? ExitCodes.BadInput : exitCode;
        }
        catch (UsageException e)
        {
            console.Fail(e.Message);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            // Cancelled outside a scan (e.g. while resolving host names): nothing found to print.
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or System.IO.IOException or UnauthorizedAccessException)
        {
            // The operating system said no (no free port, too many open files, /proc unreadable): its words suffice.
            console.Fail(e.Message);
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            // A bug of portcat's own: still one line, but with the exception's type so a report can find it.
            console.Fail($"unexpected {e.GetType().FullName}: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>
    /// Tokens that start with '-' but are no option: unmatched, taken as a command's argument (host, query), or a
    /// single-dash word that System.CommandLine would split into a short option and a glued value (<c>-oA</c> as
    /// <c>-o A</c>, <c>-sV</c> as <c>-s V</c>). Only <c>-p</c> takes a glued value (<c>-p-</c>, <c>-p22,80</c>), as in nmap.
    /// </summary>
    private static IEnumerable<string> UnknownOptions(ParseResult parseResult, string[] args)
    {
        var arguments = parseResult.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value);
        var known = new HashSet<string>(StringComparer.Ordinal);
        for (var result = parseResult.CommandResult as SymbolResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult { Command: var command })
            {
                known.UnionWith(command.Options.SelectMany(o => o.Aliases.Append(o.Name)));
            }
        }

        var glued = args.TakeWhile(a => a != "--")
            .Where(a => a.Length > 2 && a[0] == '-' && a[1] != '-' && !a.StartsWith("-p", StringComparison.Ordinal) && !known.Contains(a.Split('=')[0]));
        return glued.Concat(parseResult.UnmatchedTokens).Concat(arguments).Where(LooksLikeOption);
    }

    /// <summary>The first argument written <c>--switch=value</c> for an on/off option of the command, or null.</summary>
    private static string? SwitchWithValue(ParseResult parseResult, string[] args)
    {
        var switches = parseResult.CommandResult.Command.Options
            .Where(o => o.ValueType == typeof(bool))
            .SelectMany(o => o.Aliases.Append(o.Name))
            .ToHashSet(StringComparer.Ordinal);
        return args.FirstOrDefault(a => a.IndexOf('=') is > 0 and var equals && switches.Contains(a[..equals]));
    }

    // "-" alone is a value (stdin for -iL); "-1" is no option either but no host or query starts with '-'.
    private static bool LooksLikeOption(string token) => token.Length > 1 && token[0] == '-';

    private static string CommandPath(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        return command is RootCommand ? string.Empty : command.Name + " ";
    }
}
