using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PortCatalog.Cli.Catalog;
using PortCatalog.Cli.Output;

namespace PortCatalog.Cli.Commands;

/// <summary><c>portcat lookup &lt;port|name&gt;...</c>: the catalog entries for ports and service names.</summary>
internal static class LookupCommand
{
    private static readonly Column<Match>[] Columns =
    [
        new("query", "Query", static m => m.Query),
        .. CatalogColumns.For<Match>(static m => m.Entry),
    ];

    public static Command Create(CliConsole console)
    {
        var queries = new Argument<string[]>("query")
        {
            Description = "A port (22), a service name or constant (ssh, ms-sql-s, SqlServer), optionally with a transport (5432/tcp, domain/udp).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = CliOptions.Format();
        var command = new Command("lookup", """
            Look up ports and service names in the built-in catalog.
            A port inside a registered range (6010) finds the range's entry. Exits 1 when a query has no entry.
            """)
        {
            queries,
            format,
        }.WithExamples(
            "portcat lookup 22",
            "portcat lookup ssh ms-sql-s 5432/tcp",
            "portcat lookup 53/udp --format json");
        command.SetAction((parse, _) => Task.FromResult(Run(console, parse.GetValue(queries)!, parse.GetValue(format))));
        return command;
    }

    private static int Run(CliConsole console, string[] texts, OutputFormat format)
    {
        // Read every query before answering any, so a typo stops the command before it prints half an answer.
        var queries = texts.Select(Query.Parse).ToArray();
        var matches = new List<Match>();
        var misses = new List<string>();
        foreach (var query in queries)
        {
            var found = query.Port is { } port
                ? PortCatalogIndex.AtPort(port, query.Transport)
                : PortCatalogIndex.Named(query.Name!, query.Transport);
            var before = matches.Count;
            matches.AddRange(found.Select(e => new Match(query.Text, e)));
            if (matches.Count == before)
            {
                misses.Add(query.Text);
            }
        }

        RowWriter.Write(console, format, Columns, matches);
        foreach (var miss in misses)
        {
            console.Note($"portcat: no catalog entry for '{miss}'.");
        }

        return misses.Count == 0 ? ExitCodes.Success : ExitCodes.NotFound;
    }

    private sealed record Match(string Query, CatalogEntry Entry);

    /// <summary>A query: a port or a name, and the transports its entry must be registered for (None: any).</summary>
    private sealed record Query(string Text, int? Port, string? Name, Transport Transport)
    {
        public static Query Parse(string text)
        {
            var subject = text.Trim();
            var transport = PortCatalog.Transport.None;
            var slash = subject.LastIndexOf('/');
            if (slash >= 0)
            {
                var transportText = subject[(slash + 1)..];
                const Transport Any = PortCatalog.Transport.Tcp | PortCatalog.Transport.Udp | PortCatalog.Transport.Sctp | PortCatalog.Transport.Dccp;
                if (!TransportText.TryParse(transportText, Any, out transport))
                {
                    throw new UsageException($"lookup: '{text}': '{transportText}' is not a transport; use {TransportText.Choices(Any)}.");
                }

                subject = subject[..slash];
            }

            if (subject.Length == 0)
            {
                throw new UsageException($"lookup: '{text}' names no port or service.");
            }

            if (subject.All(char.IsAsciiDigit))
            {
                if (!int.TryParse(subject, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
                {
                    throw new UsageException($"lookup: '{text}' is not a port; a port is a number from 0 to 65535.");
                }

                return new Query(text, port, null, transport);
            }

            return new Query(text, null, subject, transport);
        }
    }
}
