using System;
using System.CommandLine;
using System.Linq;
using System.Threading.Tasks;
using PortCatalog.Cli.Catalog;
using PortCatalog.Cli.Output;

namespace PortCatalog.Cli.Commands;

/// <summary><c>portcat list</c>: the built-in catalog, filtered by transport, text and port range.</summary>
internal static class ListCommand
{
    private static readonly Column<CatalogEntry>[] Columns = [.. CatalogColumns.For<CatalogEntry>(static e => e)];

    public static Command Create(CliConsole console)
    {
        const Transport Any = Transport.Tcp | Transport.Udp | Transport.Sctp | Transport.Dccp;
        var transport = CliOptions.Transport("Only entries registered for this transport.", Any);
        var search = new Option<string>("--search", "-s")
        {
            Description = "Only entries whose service name, constant or description contains this text (any case).",
            HelpName = "text",
        };
        var range = new Option<PortSet>("--range", "-r")
        {
            Description = "Only entries on these ports: a port list such as 1-1024 or 80,443,8000-8100.",
            HelpName = "ports",
            CustomParser = static result => PortSpec.ParseList(result, "--range"),
        };
        var format = CliOptions.Format();
        var command = new Command("list", """
            List the built-in catalog of well-known ports.
            """)
        {
            transport,
            search,
            range,
            format,
        }.WithExamples(
            "portcat list",
            "portcat list --transport udp --range 1-1024",
            "portcat list --search sql --format csv");
        command.SetAction((parse, _) =>
        {
            var wanted = parse.GetValue(transport);
            var text = parse.GetValue(search);
            var ports = parse.GetValue(range);
            var entries = PortCatalogIndex.Entries.Where(e =>
                PortCatalogIndex.HasTransports(e.Info, wanted)
                && (string.IsNullOrEmpty(text) || Mentions(e.Info, text))
                && (ports is null || Enumerable.Range(e.FirstPort, e.LastPort - e.FirstPort + 1).Any(ports.Contains)));
            RowWriter.Write(console, parse.GetValue(format), Columns, entries);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static bool Mentions(PortInfo info, string text)
        => info.ServiceName.Contains(text, StringComparison.OrdinalIgnoreCase)
            || info.Identifier.Contains(text, StringComparison.OrdinalIgnoreCase)
            || info.Description.Contains(text, StringComparison.OrdinalIgnoreCase);
}
