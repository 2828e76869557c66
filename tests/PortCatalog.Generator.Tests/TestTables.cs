namespace PortCatalog.Generator.Tests;

/// <summary>Small tables of each input shape issue 2 names (the real data/ tables have the same shapes).</summary>
internal static class TestTables
{
    /// <summary>The IANA registry layout with its quirks: reserved rows without a name, name-only rows without a port,
    /// one row per transport, a range, a multi-line quoted description, doubled quotes, a leading digit.</summary>
    public const string IanaShapedCsv =
        "Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,Registration Date,Modification Date,Reference,Service Code,Unauthorized Use Reported,Assignment Notes\n" +
        ",0,tcp,Reserved,[Jon_Postel],[Jon_Postel],,,,,,\n" +
        ",0,udp,Reserved,[Jon_Postel],[Jon_Postel],,,,,,\n" +
        "ftp-data,20,tcp,File Transfer [Default Data],[Jon_Postel],[Jon_Postel],,,,,,\n" +
        "ftp-data,20,udp,File Transfer [Default Data],[Jon_Postel],[Jon_Postel],,,,,,\n" +
        "ssh,22,tcp,The Secure Shell (SSH) Protocol,,,,,[RFC4251],,,\n" +
        "ssh,22,udp,The Secure Shell (SSH) Protocol,,,,,[RFC4251],,,\n" +
        "ssh,22,sctp,SSH,,,,,[RFC4960],,,\n" +
        "3com-tsmux,106,tcp,3COM-TSMUX,,,,,,,,\n" +
        "http,80,tcp,World Wide Web HTTP,,,,,,,,\"Defined TXT keys: u=<username> p=<password> path=<path to document>\"\n" +
        "www-http,80,tcp,\"World Wide Web \"\"HTTP\"\"\n(second line of a multi-line cell)\",,,,,,,,\n" +
        "dccp-demo,1021,dccp,A DCCP-only service,,,,,,,,\n" +
        "x11,6000-6063,tcp,X Window System,,,,,,,,\n" +
        "x11,6000-6063,udp,X Window System,,,,,,,,\n" +
        "apple-mdns,,,Service name registered without a port,,,,,,,,\n" +
        ",6064-6065,tcp,Unassigned,,,,,,,,\n" +
        "ms-sql-s,1433,tcp,Microsoft-SQL-Server,,,,,,,,\n" +
        "ms-sql-m,1434,udp,Microsoft-SQL-Monitor,,,,,,,,\n";

    /// <summary>The layout of data/services.csv: IANA columns plus an Identifier column that overrides the derived name.</summary>
    public const string ServicesCsv =
        "Service Name,Port Number,Transport Protocol,Description,Identifier\n" +
        "ftp-data,20,tcp,FTP data transfer,FtpData\n" +
        "ftp,21,tcp,FTP control,Ftp\n" +
        "ssh,22,tcp,Secure Shell remote login,Ssh\n" +
        "http,80,tcp,Hypertext Transfer Protocol,Http\n" +
        "netbios-ns,137,udp,NetBIOS name service,NetBiosNameService\n" +
        "netbios-ns,137,tcp,NetBIOS name service,\n" +
        "netbios-dgm,138,udp,NetBIOS datagram service,NetBiosDatagram\n" +
        "netbios-ssn,139,tcp,NetBIOS session service,NetBiosSession\n" +
        "ms-sql-s,1433,tcp,Microsoft SQL Server,SqlServer\n" +
        "ms-sql-m,1434,udp,Microsoft SQL Server browser,SqlServerBrowser\n" +
        "postgresql,5432,tcp,PostgreSQL database,PostgreSql\n" +
        "amqp,5672,tcp,\"AMQP (RabbitMQ, \"\"plain\"\")\",Amqp\n" +
        "x11,6000-6063,tcp,X Window System,\n";

    /// <summary>The shape of data/common-server-ports.md: port | service | description, a multi-port cell,
    /// a &lt;br&gt; in a description, transports written in the port cell.</summary>
    public const string CommonServerPortsMd =
        "# Common server ports\n" +
        "\n" +
        "Ports the [cloud providers](https://example.com/docs) list for servers.\n" +
        "\n" +
        "| Port | Service | Description |\n" +
        "| --- | --- | --- |\n" +
        "| 21 | FTP | File transfer (control channel) |\n" +
        "| 22 | SSH | Secure remote shell |\n" +
        "| 80 | HTTP | **Web** traffic |\n" +
        "| 137, 138, 139 | NetBIOS | NetBIOS name, datagram<br>and session services |\n" +
        "| 1433 (TCP), 1434 (UDP) | SQL Server | Microsoft SQL Server and its browser |\n" +
        "| 8080 | HTTP proxy | Alternative HTTP, proxies &amp; Tomcat |\n" +
        "\n" +
        "Open only what you need.\n";

    /// <summary>The shape of data/port-scanning-ports.md: two columns, alignment row, rows without a trailing pipe;
    /// names are derived from the descriptions.</summary>
    public const string PortScanningMd =
        "Ports a scanner tries first:\n" +
        "\n" +
        "|Port|Description|\n" +
        "|:---|:---|\n" +
        "|20|File Transfer Protocol (FTP) data transfer\n" +
        "|22|Secure Shell (SSH) remote login\n" +
        "|53|Domain Name System (DNS) name resolution\n" +
        "|79|Finger user information\n" +
        "|123|Network Time Protocol (NTP) clock sync\n" +
        "|3128|Squid web proxy cache\n" +
        "\n" +
        "See also the [IANA registry](https://www.iana.org/assignments/service-names-port-numbers).\n";

    /// <summary>A table with German headers, the port column second and a transport column: found by content.</summary>
    public const string GermanHeadersMd =
        "## Dienste\n" +
        "\n" +
        "| Dienst | Anschluss | Protokoll | Beschreibung |\n" +
        "|:------:|----------:|:---------:|--------------|\n" +
        "| DNS | 53 | TCP/UDP | Namensauflösung für das interne Netz |\n" +
        "| Syslog | 514 | UDP | Zentrale Protokollierung der Server |\n" +
        "| LDAPS | 636 | TCP | Verzeichnisdienst über TLS |\n";
}
