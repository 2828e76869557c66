using System.CommandLine;
using System.Linq;
using System.Threading.Tasks;
using PortCatalog.Cli.Catalog;
using PortCatalog.Cli.Output;

namespace PortCatalog.Cli.Commands;

/// <summary><c>portcat listeners</c>: this machine's listening TCP sockets and bound UDP sockets, with service names.</summary>
internal static class ListenersCommand
{
    private static readonly Column<Row>[] Columns =
    [
        new("address", "Address", static r => r.Listener.Address.ToString()),
        new("port", "Port", static r => r.Listener.Port) { AlignRight = true },
        new("transport", "Transport", static r => TransportText.Format(r.Listener.Transport)),
        new("service", "Service", static r => Service(r.Listener)?.ServiceName),
        new("pid", "PID", static r => r.Owner?.Pid) { AlignRight = true },
        new("process", "Process", static r => r.Owner?.Name),
        new("description", "Description", static r => Service(r.Listener)?.Description),
    ];

    public static Command Create(CliConsole console)
    {
        var transport = CliOptions.Transport("Only sockets of this transport (default: both).", Transport.Tcp | Transport.Udp);
        var format = CliOptions.Format();
        var command = new Command("listeners", """
            List this machine's listening TCP sockets and bound UDP sockets, with the catalog's service names and, where
            this user may read it, the owning process (as ss -p; run as root to see every process's). On Linux these are
            the sockets of the current network namespace (/proc/net).
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
            var owner = SocketOwners.Read();
            RowWriter.Write(console, parse.GetValue(format), Columns, listeners.Select(l => new Row(l, owner(l.Address, l.Port, l.Transport))));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private sealed record Row(LocalListener Listener, SocketOwners.Owner? Owner);

    // The library attaches the catalog's entry; ask the catalog directly when it did not (same answer, one lookup).
    private static PortInfo? Service(LocalListener listener)
        => listener.Service ?? PortCatalogIndex.Describe(listener.Port, listener.Transport);
}
