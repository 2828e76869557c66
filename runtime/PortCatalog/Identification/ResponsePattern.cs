using System.Text.RegularExpressions;

namespace PortCatalog.Identification;

/// <summary>
/// One matcher of the identification table: a regular expression over the answer's bytes (each byte one character,
/// ISO-8859-1) and what a match means. The named groups <c>product</c> and <c>version</c>, when present and non-empty,
/// give the product and version; <see cref="Product"/> names the product when the pattern has no such group.
/// </summary>
internal sealed class ResponsePattern
{
    public ResponsePattern(string service, string pattern, string? product = null, string? onlyAfter = null, string[]? sameAnswer = null)
    {
        Service = service;
        Regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, ServiceProbeTable.MatchTimeout);
        Product = product;
        OnlyAfter = onlyAfter;
        SameAnswer = sameAnswer;
    }

    /// <summary>The service a match identifies, in the catalog's naming.</summary>
    public string Service { get; }

    /// <summary>The pattern; anchored patterns (<c>^</c>) look at the start of the answer.</summary>
    public Regex Regex { get; }

    /// <summary>The product a match names, when the pattern has no <c>product</c> group; may be null.</summary>
    public string? Product { get; }

    /// <summary>When set, the pattern only applies to the answer to this probe (a one-byte <c>N</c> means PostgreSQL only after an SSLRequest).</summary>
    public string? OnlyAfter { get; }

    /// <summary>
    /// Other services that send the very same answer (an FTP and an SMTP greeting can both be a bare <c>220</c>): when
    /// the protocol the catalog registers for the port is one of them it is chosen, else <see cref="Service"/>.
    /// </summary>
    public string[]? SameAnswer { get; }

    public override string ToString() => $"{Service}: {Regex}";
}
