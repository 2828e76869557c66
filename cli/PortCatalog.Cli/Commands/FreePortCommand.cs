using System.CommandLine;
using System.Globalization;
using System.Threading.Tasks;
using PortCatalog.Cli.Output;

namespace PortCatalog.Cli.Commands;

/// <summary><c>portcat free-port</c>: a local port that nothing is bound to, as the operating system picks one.</summary>
internal static class FreePortCommand
{
    private static readonly Column<FreePort>[] Columns =
    [
        new("port", "Port", static f => f.Port) { AlignRight = true },
        new("transport", "Transport", static f => TransportText.Format(f.Transport)),
    ];

    public static Command Create(CliConsole console)
    {
        var transport = CliOptions.Transport("The transport the port must be free for: tcp (default), udp, or tcp/udp for both.", Transport.Tcp | Transport.Udp);
        var format = CliOptions.Format();
        var command = new Command("free-port", """
            Print a local port that is free now (the operating system's pick): a table on a terminal, the bare number when
            stdout is a pipe or file. Another process can take it before you bind it; a program that can bind port 0
            itself should.
            """)
        {
            transport,
            format,
        }.WithExamples(
            "portcat free-port",
            "portcat free-port --transport tcp/udp",
            "PORT=$(portcat free-port)");
        command.SetAction((parse, _) =>
        {
            var wanted = parse.GetValue(transport) is var given && given != Transport.None ? given : Transport.Tcp;
            var port = LocalPorts.GetFreePort(wanted);
            if (parse.GetResult(format) is null && !console.IsOutputTerminal)
            {
                // $(portcat free-port) captures a number, not a table; an explicit --format still gets its format.
                console.OutputWriter.WriteLine(port.ToString(CultureInfo.InvariantCulture));
                return Task.FromResult(ExitCodes.Success);
            }

            RowWriter.Write(console, parse.GetValue(format), Columns, [new FreePort(port, wanted)]);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private sealed record FreePort(int Port, Transport Transport);
}
