using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

using PortCatalog.Cli.Scanning;

namespace PortCatalog.Cli.Commands;

/// <summary>
/// <c>portcat wait HOST:PORT...</c>: wait until every endpoint accepts TCP connections, as <c>wait-for-it.sh</c> does in
/// container entrypoints. Exit 0 once all are up, 1 when the timeout passes first (one line per endpoint that was not
/// up, on stderr), 2 on bad input. Quiet by default; a progress line on stderr when it is a terminal.
/// </summary>
internal static class WaitCommand
{
    // Exit code 1 means "not up in time" here, as "found nothing" for lookup: the command ran, the answer is no.
    private const int NotUp = 1;

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(200);

    public static Command Create(CliConsole console)
    {
        var endpoints = new Argument<Endpoint[]>("host:port")
        {
            Description = "Endpoints to wait for: 127.0.0.1:5432, [::1]:6379, db:5432 or db:postgresql (a catalog name for the port). Names are resolved again until they resolve.",
            Arity = ArgumentArity.OneOrMore,
            CustomParser = static result => result.Tokens.Select(token => Endpoint.Parse(token.Value, result)).ToArray(),
        };
        var timeout = new Option<TimeSpan>("--timeout", "-t")
        {
            Description = "How long to wait for all of them: 30s (the default), 500ms, 2m, or a number of seconds.",
            HelpName = "duration",
            DefaultValueFactory = static _ => DefaultTimeout,
            CustomParser = static result => ParseDuration(result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty, result),
        };
        var service = new Option<string?>("--service")
        {
            Description = "Wait until every endpoint also answers as this service (postgresql, redis, http, ...), not just accepts a connection.",
            HelpName = "name",
            CustomParser = static result => ParseService(result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty, result),
        };
        var command = new Command("wait", """
            Wait until every HOST:PORT accepts TCP connections (with --service, until each answers as that service), then
            exit 0; exit 1 if the timeout passes first, naming each endpoint that was not up and what it last showed
            (closed, filtered, name not resolved, open but answers as ...). Quiet unless stderr is a terminal.
            Example: portcat wait db:5432 --service postgresql --timeout 60s && exec ./app
            """)
        {
            endpoints,
            timeout,
            service,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(console, parse.GetValue(endpoints)!, parse.GetValue(timeout), parse.GetValue(service), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, Endpoint[] endpoints, TimeSpan timeout, string? service, CancellationToken cancellationToken)
    {
        var options = new PortWaitOptions { Timeout = timeout, ExpectedService = service };
        var waits = endpoints.Select(e => PortProbe.WaitUntilOpenAsync(e.Host, e.Port, options, cancellationToken)).ToArray();
        var all = Task.WhenAll(waits);

        if (!Console.IsErrorRedirected)
        {
            await ShowProgressAsync(console, endpoints, waits, all).ConfigureAwait(false);
        }

        try
        {
            await all.ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (Exception) when (waits.All(w => w.IsCompleted) && waits.All(w => w.IsCompletedSuccessfully || w.Exception?.InnerException is PortWaitTimeoutException))
        {
            foreach (var wait in waits.Where(w => !w.IsCompletedSuccessfully))
            {
                console.Error.WriteLine($"portcat: wait: {wait.Exception!.InnerException!.Message}");
            }

            return NotUp;
        }
    }

    // One line, rewritten in place: how many are up and which are still awaited. Erased at the end.
    private static async Task ShowProgressAsync(CliConsole console, Endpoint[] endpoints, Task<PortWaitResult>[] waits, Task all)
    {
        var started = DateTime.UtcNow;
        while (await Task.WhenAny(all, Task.Delay(ProgressInterval)).ConfigureAwait(false) != all)
        {
            var pending = endpoints.Where((_, i) => !waits[i].IsCompleted).Select(e => e.Text).ToList();
            var up = waits.Count(w => w.IsCompletedSuccessfully);
            console.Error.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"\r\u001b[Kportcat: waiting {(DateTime.UtcNow - started).TotalSeconds:0.0} s: {up}/{endpoints.Length} up; waiting for {string.Join(", ", pending)}"));
        }

        console.Error.Write("\r\u001b[K");
    }

    private static TimeSpan ParseDuration(string text, ArgumentResult result)
    {
        var trimmed = text.Trim();
        var (number, unit) = trimmed.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (trimmed[..^2], 0.001)
            : trimmed.EndsWith('s') || trimmed.EndsWith('S') ? (trimmed[..^1], 1.0)
            : trimmed.EndsWith('m') || trimmed.EndsWith('M') ? (trimmed[..^1], 60.0)
            : trimmed.EndsWith('h') || trimmed.EndsWith('H') ? (trimmed[..^1], 3600.0)
            : (trimmed, 1.0);
        if (double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value * unit is var seconds && seconds >= 0.001 && seconds <= TimeSpan.FromDays(1).TotalSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        result.AddError($"--timeout: '{text}' is not a duration between 1ms and 24h; use 30s, 500ms, 2m or a number of seconds.");
        return DefaultTimeout;
    }

    // A service identification recognises (checked before anything is probed or resolved).
    private static string? ParseService(string text, ArgumentResult result)
    {
        if (ServiceIdentity.IsKnownTcpService(text))
        {
            return text.Trim();
        }

        result.AddError($"--service: '{text}' is not a service portcat can identify; use one of {string.Join(", ", ServiceIdentity.KnownTcpServices)} (or a catalog name that speaks one of them).");
        return null;
    }

    /// <summary>A <c>host:port</c> from the command line; the host is an address literal or a name, never resolved here.</summary>
    private sealed record Endpoint(string Text, string Host, int Port)
    {
        public static Endpoint Parse(string text, ArgumentResult result)
        {
            var bad = new Endpoint(text, "127.0.0.1", 1);
            var colon = text.LastIndexOf(':');
            if (colon <= 0 || colon == text.Length - 1)
            {
                result.AddError($"wait: '{text}' is not HOST:PORT (such as 127.0.0.1:5432, [::1]:6379 or db:postgresql).");
                return bad;
            }

            var host = text[..colon];
            var portText = text[(colon + 1)..];
            if (host.StartsWith('[') != host.EndsWith(']'))
            {
                result.AddError($"wait: '{text}': an IPv6 address goes in brackets, such as [::1]:6379.");
                return bad;
            }

            if (host.StartsWith('['))
            {
                if (!IPAddress.TryParse(host[1..^1], out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
                {
                    result.AddError($"wait: '{text}': '{host}' is not an IPv6 address.");
                    return bad;
                }
            }
            else if (host.Contains(':'))
            {
                result.AddError($"wait: '{text}': an IPv6 address goes in brackets, such as [::1]:6379.");
                return bad;
            }
            else if (host.All(c => char.IsAsciiDigit(c) || c == '.'))
            {
                // Digits and dots must be a dotted quad: "10" or "1.2.3.400" is a typo, not a name to resolve. The same
                // rules as scan's targets (TargetSpec): one spelling of an address or a host name for all of portcat.
                if (!TargetSpec.TryParseLiteral(host, out _))
                {
                    result.AddError($"wait: '{text}': '{host}' is not an IPv4 address (a.b.c.d) or a host name.");
                    return bad;
                }
            }
            else if (!TargetSpec.IsHostName(host))
            {
                result.AddError($"wait: '{text}': '{host}' is not a valid host name.");
                return bad;
            }

            int port;
            if (portText.All(char.IsAsciiDigit))
            {
                if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
                {
                    result.AddError($"wait: '{text}': port '{portText}' is not between 1 and 65535.");
                    return bad;
                }
            }
            else if (!WellKnownPorts.TryGetPort(portText, out port))
            {
                result.AddError($"wait: '{text}': '{portText}' is neither a port number nor a service name in the catalog.");
                return bad;
            }

            return new Endpoint(text, host, port);
        }
    }
}
