namespace PortCatalog.Cli.Output;

/// <summary>How a command prints its rows (<c>--format</c>).</summary>
internal enum OutputFormat
{
    /// <summary>A table for people; notes and summaries beside it.</summary>
    Table,

    /// <summary>A JSON array of objects, one per row, with the columns' field names; nothing else on stdout.</summary>
    Json,

    /// <summary>RFC 4180 CSV with a header row of the columns' field names; nothing else on stdout.</summary>
    Csv,

    /// <summary>nmap's XML (<c>-oX</c>), valid against nmap.dtd; <c>scan</c> only.</summary>
    Xml,

    /// <summary>nmap's grepable lines (<c>-oG</c>): one <c>Host:</c> line per host; <c>scan</c> only.</summary>
    Grepable,
}
