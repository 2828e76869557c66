using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PortCatalog.Cli.Output;
using PortCatalog.Cli.Scanning;
using PortCatalog.Cli.Scanning.Reports;

namespace PortCatalog.Cli.Commands;

/// <summary><c>portcat scan &lt;target&gt;...</c>: probe ports of the named targets and report the open ones.</summary>
internal static class ScanCommand
{
    public static Command Create(CliConsole console)
    {
        var targets = new Argument<string[]>("target")
        {
            Description = "Targets: IPv4 or IPv6 addresses, CIDR blocks (127.0.0.0/30, fd00::/126), octet ranges (127.0.0.1-5) or host names (a name's first address is scanned).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var inputList = new Option<string>("--input-list", "-iL")
        {
            Description = "Also scan the targets in this file (separated by spaces or lines; '#' starts a comment); '-' reads stdin.",
            HelpName = "file",
        };
        var ports = new Option<PortSpec>("--ports", "-p")
        {
            Description = $"Ports to probe: numbers, ranges and catalog service names (ssh,postgresql,8000-8100); '{PortSpec.WellKnownKeyword}' (the catalog's ports, the default); '{PortSpec.AllKeyword}' or '-' (1-65535).",
            HelpName = "list|well-known|all",
            DefaultValueFactory = static _ => PortSpec.WellKnown,
            CustomParser = static result => PortSpec.Parse(result, "--ports"),
        };
        var udp = new Option<bool>("--udp", "-u") { Description = "Probe UDP instead of TCP (DNS, NTP and SNMP get real requests; silence is open|filtered)." };
        var timeout = CliOptions.Integer("--timeout", "How long each probe waits for an answer, in milliseconds.", "ms", 1000, 1, 3_600_000);
        var window = CliOptions.Integer("--window", "The most probes in flight at once (lowered to fit the open-file limit).", "n", 1024, 1, 65_536);
        var retries = CliOptions.Integer("--retries", "Extra attempts for a port that stayed silent.", "n", 1, 0, 100);
        var open = new Option<bool>("--open") { Description = "List only open (and open|filtered) ports: the default, accepted for nmap's habit." };
        var allStates = new Option<bool>("--all-states", "-a") { Description = "List every probed port (closed and filtered too), not only open ones." };
        var reason = new Option<bool>("--reason") { Description = "Show why each port is in its state, in nmap's words (syn-ack, conn-refused, no-response, port-unreach, ...)." };
        var identify = new Option<bool>("--identify", "-sV")
        {
            Description = "Identify what answers on each open port (greeting, then harmless read-only requests) and flag where it differs from the catalog's entry.",
        };
        var format = CliOptions.Format(OutputFormat.Table, OutputFormat.Json, OutputFormat.Csv, OutputFormat.Xml, OutputFormat.Grepable);
        var output = new Option<string>("--output", "-o")
        {
            Description = "Write the --format output to this file ('-': stdout); the terminal keeps the table and progress.",
            HelpName = "file",
        };
        // nmap's spellings: -oX FILE is --format xml -o FILE, -oG grepable, -oN the table ("normal" output).
        var nmapOutputs = new (Option<string> Option, OutputFormat Format)[]
        {
            (new Option<string>("-oX") { Description = "nmap's -oX: XML to this file ('-': stdout); --format xml -o FILE.", HelpName = "file" }, OutputFormat.Xml),
            (new Option<string>("-oG") { Description = "nmap's -oG: grepable lines to this file ('-': stdout); --format grepable -o FILE.", HelpName = "file" }, OutputFormat.Grepable),
            (new Option<string>("-oN") { Description = "nmap's -oN: the table to this file ('-': stdout); --format table -o FILE.", HelpName = "file" }, OutputFormat.Table),
        };
        var command = new Command("scan", """
            Scan ports of the named targets. Shows a live progress bar on a terminal (plain lines on stderr when stdout is
            redirected), then the open ports with their services and a summary. Ctrl+C stops the scan, prints what was
            found and exits 130. Scan only hosts you are allowed to scan.
            """)
        {
            targets,
            inputList,
            ports,
            udp,
            timeout,
            window,
            retries,
            open,
            allStates,
            reason,
            identify,
            format,
            output,
            nmapOutputs[0].Option,
            nmapOutputs[1].Option,
            nmapOutputs[2].Option,
        }.WithExamples(
            "portcat scan 127.0.0.1",
            "portcat scan localhost ::1 -p ssh,postgresql,8000-8100",
            "portcat scan 127.0.0.0/30 -p- --timeout 200 --format json",
            "portcat scan -iL hosts.txt -oX scan.xml",
            "portcat scan 127.0.0.1 --identify --reason",
            "portcat scan 127.0.0.1 --udp -p 53,123,161");
        command.Validators.Add(result =>
        {
            if (result.GetValue(open) && result.GetValue(allStates))
            {
                result.AddError("--open and --all-states contradict each other: --open lists only open ports (the default).");
            }

            var given = nmapOutputs.Where(o => result.GetResult(o.Option) is not null).Select(o => o.Option.Name).ToArray();
            if (given.Length > 1 || (given.Length == 1 && (result.GetResult(format) is not null || result.GetResult(output) is not null)))
            {
                result.AddError($"{string.Join(", ", given.Concat(new Option[] { format, output }.Where(o => result.GetResult(o) is not null).Select(o => o.Name)))}: give one output, either -oX/-oG/-oN FILE or --format with -o FILE.");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var (chosenFormat, outputFile) = nmapOutputs.FirstOrDefault(o => parse.GetResult(o.Option) is not null) is { Option: not null } nmap
                ? (nmap.Format, parse.GetValue(nmap.Option))
                : (parse.GetValue(format), parse.GetValue(output));
            var request = new ScanRequest(
                parse.GetValue(targets) ?? [],
                parse.GetValue(inputList),
                parse.GetValue(ports)!,
                new PortScanOptions
                {
                    Transports = parse.GetValue(udp) ? Transport.Udp : Transport.Tcp,
                    Timeout = TimeSpan.FromMilliseconds(parse.GetValue(timeout)),
                    Window = parse.GetValue(window),
                    Retries = parse.GetValue(retries),

                    // Every result comes back so that the reports can count what they do not list (nmap's extraports).
                    ReportAllStates = true,
                    IdentifyServices = parse.GetValue(identify),
                },
                parse.GetValue(allStates),
                parse.GetValue(reason),
                chosenFormat,
                outputFile);
            return ScanRun.RunAsync(console, request, cancellationToken);
        });
        return command;
    }
}
