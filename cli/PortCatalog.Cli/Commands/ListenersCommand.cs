using System.CommandLine;
using System.Threading.Tasks;
using PortCatalog.Cli.Catalog;
using PortCatalog.Cli.Output;

namespace PortCatalog.Cli.Commands;

/// <summary><c>portcat listeners</c>: this machine's listening TCP sockets and bound UDP sockets, with service names.</summary>
internal static class ListenersCommand
{
    private static readonly Column<LocalListener>[] Columns =
    [
        new("address", "Address", static l => l.Address.ToString()),
        new("port", "Port", static l => l.Port) { AlignRight = true },
        new("transport", "Transport", static l => TransportText.Format(l.Transport)),
        new("service", "Service", static l => Service(l)?.ServiceName),
        new("description", "Description", static l => Service(l)?.Description),
    ];

    public static Command Create(CliConsole console)
    {
        var transport = CliOptions.Transport("Only sockets of this transport (default: both).", Transport.Tcp | Transport.Udp);
        var format = CliOptions.Format();
        var command = new Command("listeners", """
            List this machine's listening TCP sockets and bound UDP sockets, with the catalog's service names.
            On Linux these are the sockets of the current network namespace (/proc/net).
            """)
        {
            transport,
            format,
        }.WithExamples(
            "portcat listeners",
            "portcat listeners --transport tcp --format json");
        command.SetAction((parse, _) =>
        {
            var wanted = parse.GetValue(transport);
            var listeners = LocalPorts.GetListeners(wanted == Transport.None ? null : wanted);
            RowWriter.Write(console, parse.GetValue(format), Columns, listeners);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    // The library attaches the catalog's entry; ask the catalog directly when it did not (same answer, one lookup).
    private static PortInfo? Service(LocalListener listener)
        => listener.Service ?? PortCatalogIndex.Describe(listener.Port, listener.Transport);
}
