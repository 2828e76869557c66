using System.Globalization;
using System.Linq;
using System.Xml;
using PortCatalog.Cli.Output;

namespace PortCatalog.Cli.Scanning.Reports;

/// <summary>
/// nmap's XML output (<c>-oX</c>), valid against nmap's <c>nmap.dtd</c> and rendered by its <c>nmap.xsl</c>, so tools
/// that import nmap scans read portcat's. The DTD admits only <c>scanner="nmap"</c>; the <c>args</c> attribute and a
/// comment say that portcat wrote it. Hosts are written as they finish; an interrupted scan still closes the document.
/// </summary>
internal sealed class NmapXmlReport : IScanReport
{
    private const string XmlOutputVersion = "1.05";
    private readonly CliConsole _console;
    private readonly XmlWriter _xml;
    private ScanStart? _start;
    private long _hostsListed;

    public NmapXmlReport(CliConsole console)
    {
        _console = console;
        console.OutputWriter.WriteLine("""<?xml version="1.0" encoding="UTF-8"?>""");
        _xml = XmlWriter.Create(console.OutputWriter, new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            Indent = true,
            ConformanceLevel = ConformanceLevel.Document,
            CloseOutput = false,
        });
    }

    public void Begin(ScanStart start)
    {
        _start = start;
        _xml.WriteDocType("nmaprun", null, null, null);
        _xml.WriteProcessingInstruction("xml-stylesheet", """href="file:///usr/share/nmap/nmap.xsl" type="text/xsl" """.TrimEnd());
        _xml.WriteComment($" portcat {AppVersion.Text} scan initiated {NmapTime.CTime(start.Started)} as: {start.CommandLine.Replace("--", "- -", System.StringComparison.Ordinal)} ");
        _xml.WriteStartElement("nmaprun");
        _xml.WriteAttributeString("scanner", "nmap");
        _xml.WriteAttributeString("args", start.CommandLine);
        _xml.WriteAttributeString("start", NmapTime.Unix(start.Started));
        _xml.WriteAttributeString("startstr", NmapTime.CTime(start.Started));
        _xml.WriteAttributeString("version", AppVersion.Text);
        _xml.WriteAttributeString("xmloutputversion", XmlOutputVersion);
        foreach (var transport in new[] { Transport.Tcp, Transport.Udp }.Where(t => (start.Transports & t) != 0))
        {
            _xml.WriteStartElement("scaninfo");
            _xml.WriteAttributeString("type", transport == Transport.Tcp ? "connect" : "udp");
            _xml.WriteAttributeString("protocol", TransportText.Format(transport));
            _xml.WriteAttributeString("numservices", start.Ports.Count.ToString(CultureInfo.InvariantCulture));
            _xml.WriteAttributeString("services", start.Ports.ToString());
            _xml.WriteEndElement();
        }

        WriteLevel("verbose");
        WriteLevel("debugging");
        _xml.Flush();
    }

    public void Host(HostReport host)
    {
        if (host.Rows.Count == 0 && !_start!.ListsAllStates)
        {
            return;
        }

        _hostsListed++;
        var address = host.Target.Address;
        _xml.WriteStartElement("host");
        _xml.WriteAttributeString("starttime", NmapTime.Unix(host.Started));
        _xml.WriteAttributeString("endtime", NmapTime.Unix(host.Ended));

        // A connect scan without host discovery takes every target as up, as nmap's -Pn does ("user-set").
        _xml.WriteStartElement("status");
        _xml.WriteAttributeString("state", "up");
        _xml.WriteAttributeString("reason", "user-set");
        _xml.WriteAttributeString("reason_ttl", "0");
        _xml.WriteEndElement();

        _xml.WriteStartElement("address");
        _xml.WriteAttributeString("addr", address.ToString());
        _xml.WriteAttributeString("addrtype", address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "ipv6" : "ipv4");
        _xml.WriteEndElement();

        _xml.WriteStartElement("hostnames");
        if (host.Target.Name != address.ToString())
        {
            _xml.WriteStartElement("hostname");
            _xml.WriteAttributeString("name", host.Target.Name);
            _xml.WriteAttributeString("type", "user");
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();

        _xml.WriteStartElement("ports");
        foreach (var group in host.Unlisted.GroupBy(u => u.State))
        {
            _xml.WriteStartElement("extraports");
            _xml.WriteAttributeString("state", ScanText.State(group.Key));
            _xml.WriteAttributeString("count", group.Sum(u => u.Count).ToString(CultureInfo.InvariantCulture));
            foreach (var reason in group)
            {
                _xml.WriteStartElement("extrareasons");
                _xml.WriteAttributeString("reason", reason.Reason);
                _xml.WriteAttributeString("count", reason.Count.ToString(CultureInfo.InvariantCulture));
                _xml.WriteAttributeString("proto", TransportText.Format(reason.Transport));
                _xml.WriteEndElement();
            }

            _xml.WriteEndElement();
        }

        foreach (var row in host.Rows)
        {
            WritePort(row);
        }

        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.Flush();
    }

    public void End(ScanEnd end)
    {
        _xml.WriteStartElement("runstats");
        _xml.WriteStartElement("finished");
        _xml.WriteAttributeString("time", NmapTime.Unix(end.Ended));
        _xml.WriteAttributeString("timestr", NmapTime.CTime(end.Ended));
        _xml.WriteAttributeString("elapsed", end.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture));
        _xml.WriteAttributeString("summary", string.Join(" ", end.Lines));
        _xml.WriteAttributeString("exit", end.Interrupted ? "error" : "success");
        if (end.Interrupted)
        {
            _xml.WriteAttributeString("errormsg", "Interrupted (Ctrl+C)");
        }

        _xml.WriteEndElement();
        _xml.WriteStartElement("hosts");
        _xml.WriteAttributeString("up", end.HostsScanned.ToString(CultureInfo.InvariantCulture));
        _xml.WriteAttributeString("down", "0");
        _xml.WriteAttributeString("total", end.HostsScanned.ToString(CultureInfo.InvariantCulture));
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.Flush();
        _console.OutputWriter.WriteLine();
        _console.OutputWriter.Flush();
    }

    public void Dispose()
    {
        _xml.Dispose();
        _console.Dispose();
    }

    private void WritePort(Found row)
    {
        _xml.WriteStartElement("port");
        _xml.WriteAttributeString("protocol", TransportText.Format(row.Result.Transport));
        _xml.WriteAttributeString("portid", row.Result.Port.ToString(CultureInfo.InvariantCulture));
        _xml.WriteStartElement("state");
        _xml.WriteAttributeString("state", ScanText.State(row.Result.State));
        _xml.WriteAttributeString("reason", ScanText.Reason(row.Result));
        _xml.WriteAttributeString("reason_ttl", "0");
        _xml.WriteEndElement();
        if (row.Result.Identity is { IsIdentified: true } identity)
        {
            // "probed": what the service itself said (--identify), as nmap -sV writes it.
            _xml.WriteStartElement("service");
            _xml.WriteAttributeString("name", identity.Service);
            if (identity.Product is { } product)
            {
                _xml.WriteAttributeString("product", product);
            }

            if (identity.Version is { } version)
            {
                _xml.WriteAttributeString("version", version);
            }

            if (identity.Tls)
            {
                _xml.WriteAttributeString("tunnel", "ssl");
            }

            _xml.WriteAttributeString("method", "probed");
            _xml.WriteAttributeString("conf", "10");
            _xml.WriteEndElement();
        }
        else if (row.Service is { } service)
        {
            // "table": the name comes from the catalog, as nmap's nmap-services lookup (confidence 3), not from a probe.
            _xml.WriteStartElement("service");
            _xml.WriteAttributeString("name", service.ServiceName);
            _xml.WriteAttributeString("method", "table");
            _xml.WriteAttributeString("conf", "3");
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
    }

    private void WriteLevel(string element)
    {
        _xml.WriteStartElement(element);
        _xml.WriteAttributeString("level", "0");
        _xml.WriteEndElement();
    }
}
